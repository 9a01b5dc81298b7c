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
import dev.sandboxec.cli.CommandModel.OutputFormat;
import dev.sandboxec.cli.config.ConfigDocument;
import dev.sandboxec.cli.config.ConfigException;
import dev.sandboxec.cli.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code sandboxec [OPTIONS] [--] COMMAND [ARG...]}: reads the parsed options
 * (model: {@link CommandModel}), settles them against a config file or
 * profile, and runs the use case.
 */
public final class SandboxecCommand {
    private final Kernel kernel;
    private final FileSystem fileSystem;
    private final Environment environment;

    public SandboxecCommand(Kernel kernel, FileSystem fileSystem, Environment environment) {
        this.kernel = kernel;
        this.fileSystem = fileSystem;
        this.environment = environment;
    }

    /** Runs one parsed command line; returns only by throwing when the command starts on a real kernel. */
    int run(ParseResult parsed, CommandLine commandLine) throws Exception {
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        List<String> command = parsed.matchedPositionalValue(0, List.of());
        Integer abi = parsed.matchedOptionValue(CommandModel.ABI, null);
        boolean dryRun = parsed.matchedOptionValue(CommandModel.DRY_RUN, false);
        boolean verbose = parsed.matchedOptionValue(CommandModel.VERBOSE, false);
        OutputFormat output = parsed.matchedOptionValue(CommandModel.OUTPUT, OutputFormat.text);
        if (parsed.matchedOptionValue(CommandModel.LIST_PROFILES, false)) {
            for (String name : ConfigLoader.profileNames()) {
                out.printf("%-11s %s%n", name, ConfigLoader.profileSummary(name));
            }
            out.flush();
            return 0;
        }
        if (command.isEmpty()) {
            throw new ParameterException(commandLine, "no command given");
        }
        if (abi != null && abi < 0) {
            throw new ParameterException(commandLine, "--abi must be 0 or more, not " + abi);
        }
        Settings settings = settings(parsed);
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
    private Settings settings(ParseResult parsed) throws ConfigException {
        Path config = parsed.matchedOptionValue(CommandModel.CONFIG, null);
        String namedConfig = parsed.matchedOptionValue(CommandModel.NAMED_CONFIG, null);
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
        List<FsRule> fs = new ArrayList<>();
        for (String rule : parsed.matchedOptionValue(CommandModel.FS, List.<String>of())) {
            fs.add(FsRule.parse(rule, environment));
        }
        List<NetRule> net = new ArrayList<>();
        for (String rule : parsed.matchedOptionValue(CommandModel.NET, List.<String>of())) {
            net.add(NetRule.parse(rule));
        }
        List<FsRule> fromFileFs = document.flatMap(ConfigDocument::fs).orElse(List.of());
        List<NetRule> fromFileNet = document.flatMap(ConfigDocument::net).orElse(List.of());
        Policy policy = new Policy(
                profile ? concat(fromFileFs, fs) : fs.isEmpty() ? fromFileFs : fs,
                profile ? concat(fromFileNet, net) : net.isEmpty() ? fromFileNet : net,
                pick(parsed, CommandModel.RESTRICT_SCOPED, document.flatMap(ConfigDocument::restrictScoped)),
                pick(parsed, CommandModel.IGNORE_IF_MISSING, document.flatMap(ConfigDocument::ignoreIfMissing)));
        Integer abi = parsed.matchedOptionValue(CommandModel.ABI, null);
        int effectiveAbi = abi != null ? abi : document.flatMap(ConfigDocument::abi).orElse(0);
        boolean effort = pick(parsed, CommandModel.BEST_EFFORT, document.flatMap(ConfigDocument::bestEffort));
        return new Settings(policy, effectiveAbi, effort, document.map(ConfigDocument::source).orElse("none"));
    }

    /** The flag when given on the command line (either form), else the file's value, else false. */
    private static boolean pick(ParseResult parsed, String option, Optional<Boolean> fromFile) {
        Boolean flag = parsed.matchedOptionValue(option, null);
        return flag != null ? flag : fromFile.orElse(false);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private record Settings(Policy policy, int abi, boolean bestEffort, String source) {
    }
}
