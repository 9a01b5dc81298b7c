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
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
        customSynopsis = "sandboxec [OPTIONS] [--] COMMAND [ARG...]",
        descriptionHeading = "%n",
        description = {
            "Everything not allowed is denied, for COMMAND and everything it starts. The command",
            "starts after -- or at the first argument that is not an option; its own options are",
            "never parsed. sandboxec execs it in place: same pid, environment and descriptors 0-2.",
        },
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
            description = "Allow RIGHTS on PATH (repeatable). ~, $VAR and ${VAR} are expanded.")
    private List<String> fsRules = new ArrayList<>();

    @Option(names = {"-n", "--net"}, paramLabel = "RIGHTS:PORT",
            description = "Allow TCP RIGHTS on PORT (repeatable). Needs Landlock ABI 4 (Linux 6.7).")
    private List<String> netRules = new ArrayList<>();

    @Option(names = "--abi", paramLabel = "N",
            description = "Landlock ABI to build the ruleset for (default 0: the highest this build knows,"
                    + " lowered to the kernel's).")
    private int abi;

    @Option(names = "--best-effort",
            description = "Drop what the kernel cannot enforce instead of failing, and say what was dropped.")
    private boolean bestEffort;

    @Option(names = "--ignore-if-missing", description = "Skip rules whose path does not exist instead of failing.")
    private boolean ignoreIfMissing;

    @Option(names = "--restrict-scoped",
            description = "Deny signals and abstract unix sockets to anything outside the sandbox (ABI 6, Linux 6.12).")
    private boolean restrictScoped;

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
        if (command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no command given");
        }
        if (abi < 0) {
            throw new ParameterException(spec.commandLine(), "--abi must be 0 or more, not " + abi);
        }
        List<FsRule> fs = new ArrayList<>(fsRules.size());
        for (String rule : fsRules) {
            fs.add(FsRule.parse(rule, environment));
        }
        List<NetRule> net = new ArrayList<>(netRules.size());
        for (String rule : netRules) {
            net.add(NetRule.parse(rule));
        }
        Policy policy = new Policy(fs, net, restrictScoped, ignoreIfMissing);
        PrintWriter err = spec.commandLine().getErr();
        RunSandboxed run = new RunSandboxed(kernel, fileSystem, environment,
                line -> err.println("sandboxec: warning: " + line));
        RunRequest request = new RunRequest(policy, abi, bestEffort, command);
        Prepared prepared = run.prepare(request);
        PlanReport report = new PlanReport(request, prepared);
        if (dryRun) {
            if (output == OutputFormat.json) {
                report.printJson(spec.commandLine().getOut());
            } else {
                report.printText(spec.commandLine().getOut());
            }
            return 0;
        }
        if (verbose) {
            report.summary().lines().forEach(line -> err.println("sandboxec: " + line));
        }
        err.flush();
        spec.commandLine().getOut().flush();
        run.execute(prepared);
        return 0;
    }

    /** --output values. */
    enum OutputFormat {
        text,
        json
    }
}
