package dev.sandboxec.cli;

import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.policy.Policy;
import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.run.RunRequest;
import dev.sandboxec.domain.run.RunSandboxed;
import dev.sandboxec.domain.run.RunSandboxed.Prepared;
import dev.sandboxec.cli.config.ConfigDocument;
import dev.sandboxec.cli.config.ConfigException;
import dev.sandboxec.cli.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandboxec [OPTIONS] [--] COMMAND [ARG...]}. */
@Command(
        name = "sandboxec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "",
        header = "Run a command under a Landlock allow-list: filesystem rights per path, TCP rights per port.",
        synopsisHeading = "%nUsage: ",
        customSynopsis = {"sandboxec [OPTIONS] [--] COMMAND [ARG...]", "       sandboxec --list-profiles"},
        descriptionHeading = "%n",
        description = "Everything not allowed is denied, for COMMAND and everything it starts. The command"
                + " starts after `--` or at the first argument that is not an option; its own options are never"
                + " parsed. sandboxec execs it in place: same pid, environment and descriptors 0-2.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {
            "Filesystem rights (--fs RIGHTS:PATH; a directory covers everything beneath it):",
            "  r    read               read files, list directories",
            "  rx   read_exec          r, and execute files",
            "  w    write              write, truncate, ioctl on devices, create, remove, rename",
            "                          and link files and directories (no read of file contents)",
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
            "  sandboxec --fs rx:/usr --fs rw:$PWD --net b:8080 -- python3 -m http.server 8080",
            "",
            "Exit status:",
            "  125  sandboxec itself failed (bad argument, Landlock setup)",
            "  126  COMMAND was found but could not be executed",
            "  127  COMMAND was not found",
            "  N    otherwise, the exit status of COMMAND (128+N when killed by signal N)",
        })
public final class SandboxecCommand implements Callable<Integer> {
    private final Kernel kernel;
    private final FileSystem fileSystem;
    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--fs"}, paramLabel = "RIGHTS:PATH",
            description = "Allow RIGHTS on PATH (repeatable). ~, $VAR and $${VAR} are expanded.")
    private List<String> fsRules = new ArrayList<>();

    @Option(names = {"-n", "--net"}, paramLabel = "RIGHTS:PORT",
            description = "Allow TCP RIGHTS on PORT (repeatable). Needs Landlock ABI 4 (Linux 6.7).")
    private List<String> netRules = new ArrayList<>();

    @Option(names = "--abi", paramLabel = "N",
            description = "Landlock ABI to build the ruleset for (default 0: the highest this build knows,"
                    + " lowered to the kernel's).")
    private Integer abi;

    @Option(names = "--best-effort", negatable = true,
            description = "Drop what the kernel cannot enforce instead of failing, and say what was dropped.")
    private Boolean bestEffort;

    @Option(names = "--ignore-if-missing", negatable = true,
            description = "Skip rules whose path does not exist instead of failing.")
    private Boolean ignoreIfMissing;

    @Option(names = "--restrict-scoped", negatable = true,
            description = "Deny signals and abstract unix sockets to anything outside the sandbox (ABI 6, Linux 6.12).")
    private Boolean restrictScoped;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read the policy from this YAML file instead of looking one up.")
    private Path config;

    @Option(names = {"-C", "--named-config"}, paramLabel = "NAME",
            description = "Start from a profile bundled with sandboxec (see --list-profiles); --fs and --net add to it.")
    private String namedConfig;

    @Option(names = "--list-profiles", description = "List the bundled profiles and exit.")
    private boolean listProfiles;

    @Option(names = "--dry-run",
            description = "Print what the kernel will enforce, and exit 0 without running anything.")
    private boolean dryRun;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "Format of --dry-run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Option(names = {"-v", "--verbose"}, description = "Print the plan's summary on stderr before running.")
    private boolean verbose;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its arguments.")
    private List<String> command = new ArrayList<>();

    @Inject
    public SandboxecCommand(Kernel kernel, FileSystem fileSystem, Environment environment) {
        this.kernel = kernel;
        this.fileSystem = fileSystem;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listProfiles) {
            for (String name : ConfigLoader.profileNames()) {
                out.printf("%-11s %s%n", name, ConfigLoader.profileSummary(name));
            }
            out.flush();
            return 0;
        }
        if (command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no command given");
        }
        if (abi != null && abi < 0) {
            throw new ParameterException(spec.commandLine(), "--abi must be 0 or more, not " + abi);
        }
        Settings settings = settings();
        RunSandboxed run = new RunSandboxed(kernel, fileSystem, environment,
                line -> err.println("sandboxec: warning: " + line));
        RunRequest request = new RunRequest(settings.policy(), settings.abi(), settings.bestEffort(), command);
        Prepared prepared = run.prepare(request);
        PlanReport report = new PlanReport(request, prepared, settings.source());
        if (dryRun) {
            if (output == OutputFormat.json) {
                report.printJson(out);
            } else {
                report.printText(out);
            }
            return 0;
        }
        if (verbose) {
            report.summary().lines().forEach(line -> err.println("sandboxec: " + line));
        }
        err.flush();
        out.flush();
        run.execute(prepared);
        return 0;
    }

    /**
     * The options after precedence: a flag given on the command line beats the
     * config file; --fs and --net replace a config file's lists but add to a
     * profile's.
     */
    private Settings settings() throws ConfigException {
        if (config != null && namedConfig != null) {
            throw new ConfigException("--config and --named-config cannot be used together");
        }
        ConfigLoader loader = new ConfigLoader(environment);
        Optional<ConfigDocument> document;
        boolean profile = namedConfig != null;
        if (profile) {
            document = Optional.of(loader.loadProfile(namedConfig));
        } else if (config != null) {
            document = Optional.of(loader.load(config));
        } else {
            Optional<Path> found = loader.lookup();
            document = found.isPresent() ? Optional.of(loader.load(found.get())) : Optional.empty();
        }
        List<FsRule> fs = new ArrayList<>(fsRules.size());
        for (String rule : fsRules) {
            fs.add(FsRule.parse(rule, environment));
        }
        List<NetRule> net = new ArrayList<>(netRules.size());
        for (String rule : netRules) {
            net.add(NetRule.parse(rule));
        }
        List<FsRule> fromFileFs = document.flatMap(ConfigDocument::fs).orElse(List.of());
        List<NetRule> fromFileNet = document.flatMap(ConfigDocument::net).orElse(List.of());
        Policy policy = new Policy(
                profile ? concat(fromFileFs, fs) : fs.isEmpty() ? fromFileFs : fs,
                profile ? concat(fromFileNet, net) : net.isEmpty() ? fromFileNet : net,
                pick(restrictScoped, document.flatMap(ConfigDocument::restrictScoped)),
                pick(ignoreIfMissing, document.flatMap(ConfigDocument::ignoreIfMissing)));
        int effectiveAbi = abi != null ? abi : document.flatMap(ConfigDocument::abi).orElse(0);
        boolean effort = pick(bestEffort, document.flatMap(ConfigDocument::bestEffort));
        return new Settings(policy, effectiveAbi, effort, document.map(ConfigDocument::source).orElse("none"));
    }

    private static boolean pick(Boolean flag, Optional<Boolean> fromFile) {
        return flag != null ? flag : fromFile.orElse(false);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private record Settings(Policy policy, int abi, boolean bestEffort, String source) {
    }

    /** --output values. */
    enum OutputFormat {
        text,
        json
    }
}
