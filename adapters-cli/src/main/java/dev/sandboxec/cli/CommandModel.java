package dev.sandboxec.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The sandboxec command line as a picocli model built in code. picocli's
 * annotations would do the same, but reading them reflectively makes the JVM
 * generate a proxy class per annotation type, a few milliseconds each: about
 * a quarter of sandboxec's start-up, paid before every sandboxed command.
 */
final class CommandModel {
    static final String FS = "--fs";
    static final String NET = "--net";
    static final String ABI = "--abi";
    static final String BEST_EFFORT = "--best-effort";
    static final String IGNORE_IF_MISSING = "--ignore-if-missing";
    static final String RESTRICT_SCOPED = "--restrict-scoped";
    static final String CONFIG = "--config";
    static final String NAMED_CONFIG = "--named-config";
    static final String LIST_PROFILES = "--list-profiles";
    static final String DRY_RUN = "--dry-run";
    static final String OUTPUT = "--output";
    static final String VERBOSE = "--verbose";
    static final String COMMAND = "COMMAND";

    /** --output values. */
    enum OutputFormat {
        text,
        json
    }

    private CommandModel() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("sandboxec").versionProvider(new VersionProvider());
        usage(spec.usageMessage());
        spec.addOption(strings(FS, "-f", "RIGHTS:PATH",
                "Allow RIGHTS on PATH (repeatable). ~, $VAR and $${VAR} are expanded."));
        spec.addOption(strings(NET, "-n", "RIGHTS:PORT",
                "Allow TCP RIGHTS on PORT (repeatable). Needs Landlock ABI 4 (Linux 6.7)."));
        spec.addOption(OptionSpec.builder(ABI).paramLabel("N").type(Integer.class)
                .description("Landlock ABI to build the ruleset for (default 0: the highest this build knows,"
                        + " lowered to the kernel's).").build());
        spec.addOption(flag(BEST_EFFORT,
                "Drop what the kernel cannot enforce instead of failing, and say what was dropped."));
        spec.addOption(flag(IGNORE_IF_MISSING, "Skip rules whose path does not exist instead of failing."));
        spec.addOption(flag(RESTRICT_SCOPED,
                "Deny signals and abstract unix sockets to anything outside the sandbox (ABI 6, Linux 6.12)."));
        spec.addOption(OptionSpec.builder("-c", CONFIG).paramLabel("FILE").type(Path.class)
                .description("Read the policy from this YAML file instead of looking one up.").build());
        spec.addOption(OptionSpec.builder("-C", NAMED_CONFIG).paramLabel("NAME").type(String.class)
                .description("Start from a profile bundled with sandboxec (see --list-profiles); --fs and --net add"
                        + " to it.").build());
        spec.addOption(OptionSpec.builder(LIST_PROFILES).arity("0").type(boolean.class)
                .description("List the bundled profiles and exit.").build());
        spec.addOption(OptionSpec.builder(DRY_RUN).arity("0").type(boolean.class)
                .description("Print what the kernel will enforce, and exit 0 without running anything.").build());
        spec.addOption(OptionSpec.builder(OUTPUT).paramLabel("FORMAT").type(OutputFormat.class).defaultValue("text")
                .description("Format of --dry-run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(OptionSpec.builder("-v", VERBOSE).arity("0").type(boolean.class)
                .description("Print the plan's summary on stderr before running.").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).arity("0").type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).arity("0").type(boolean.class)
                .description("Print version information and exit.").build());
        spec.addPositional(PositionalParamSpec.builder().paramLabel(COMMAND).arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description("The command and its arguments.").build());
        return spec;
    }

    private static OptionSpec strings(String name, String shortName, String label, String description) {
        return OptionSpec.builder(shortName, name).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
                .description(description).build();
    }

    /** A boolean with a --no- form, unset (null) unless given: a config file may set it. */
    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).negatable(true).arity("0").type(Boolean.class).description(description)
                .build();
    }

    private static void usage(UsageMessageSpec usage) {
        usage.sortOptions(false).autoWidth(true).headerHeading("")
                .header("Run a command under a Landlock allow-list: filesystem rights per path, TCP rights per port.")
                .synopsisHeading("%nUsage: ")
                .customSynopsis("sandboxec [OPTIONS] [--] COMMAND [ARG...]", "       sandboxec --list-profiles")
                .descriptionHeading("%n")
                .description("Everything not allowed is denied, for COMMAND and everything it starts. The command"
                        + " starts after `--` or at the first argument that is not an option; its own options are"
                        + " never parsed. sandboxec execs it in place: same pid, environment and descriptors 0-2.")
                .optionListHeading("%nOptions:%n")
                .footerHeading("%n")
                .footer(
                        "Filesystem rights (--fs RIGHTS:PATH; a directory covers everything beneath it):",
                        "  r    read               read files, list directories",
                        "  rx   read_exec          r, and execute files",
                        "  w    write              write, truncate, device ioctl; create, remove,",
                        "                          rename, link (no reading of file contents)",
                        "  rw   read_write         r and w",
                        "  rwx  read_write_exec    r, w and execute",
                        "",
                        "Network rights (--net RIGHTS:PORT; TCP only, one decimal port 0-65535 per rule):",
                        "  b    bind               bind (listen on) the port",
                        "  c    connect            connect to the port",
                        "  bc   cb, bind_connect   both",
                        "With Landlock ABI 4 or later, no --net rule means no TCP bind or connect at all.",
                        "UDP, ICMP and unix-domain sockets are not controlled.",
                        "",
                        "Examples:",
                        "  sandboxec --fs rx:/usr -- /usr/bin/echo hello",
                        "  sandboxec --fs rx:/usr --fs r:/etc --net c:443 -- curl https://example.com",
                        "  sandboxec --fs rx:/usr --fs rw:. --net b:8080 -- python3 -m http.server",
                        "  sandboxec -C net-client --fs rw:$PWD -- ./fetch-data",
                        "",
                        "Exit status:",
                        "  125  sandboxec itself failed (bad argument, config, Landlock setup)",
                        "  126  COMMAND was found but could not be executed",
                        "  127  COMMAND was not found",
                        "  N    otherwise, the exit status of COMMAND (128+N when killed by signal N)");
    }
}
