package dev.sandboxec.domain.run;

import dev.sandboxec.domain.plan.AbiNegotiation;
import dev.sandboxec.domain.plan.Dropped;
import dev.sandboxec.domain.plan.NegotiationInput;
import dev.sandboxec.domain.plan.PathTarget;
import dev.sandboxec.domain.plan.PlannedPathRule;
import dev.sandboxec.domain.plan.PlannedPortRule;
import dev.sandboxec.domain.plan.PolicyNotEnforceableException;
import dev.sandboxec.domain.plan.RulesetPlan;
import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.Policy;
import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.port.LandlockException;
import dev.sandboxec.domain.port.LandlockUnavailableException;
import dev.sandboxec.domain.port.Reporter;
import dev.sandboxec.domain.run.SandboxException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The run use case: resolve the command, negotiate the plan, build one
 * ruleset with every rule, then restrict and exec. Fail-closed: any error on
 * the way is a {@link SandboxException}, and the command never starts.
 */
public final class RunSandboxed {
    private static final Set<String> NOT_FOUND_ERRORS = Set.of("ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG");

    private final Kernel kernel;
    private final FileSystem fileSystem;
    private final Reporter reporter;
    private final CommandResolver resolver;

    public RunSandboxed(Kernel kernel, FileSystem fileSystem, Environment environment, Reporter reporter) {
        this.kernel = kernel;
        this.fileSystem = fileSystem;
        this.reporter = reporter;
        this.resolver = new CommandResolver(environment, fileSystem);
    }

    /** What {@link #run} would do, without touching the kernel beyond asking its ABI. */
    public Prepared prepare(RunRequest request) throws SandboxException {
        String unavailable = "";
        int kernelAbi;
        try {
            kernelAbi = kernel.abiVersion();
        } catch (LandlockUnavailableException e) {
            kernelAbi = 0;
            unavailable = e.getMessage() + "; " + e.hint();
        } catch (LandlockException e) {
            throw new SandboxException(Reason.SETUP, "cannot query the Landlock ABI: " + e.getMessage(), e);
        }
        String executable = resolver.resolve(request.command().get(0));
        Policy policy = request.policy();
        List<PathTarget> paths = new ArrayList<>(policy.fsRules().size());
        for (FsRule rule : policy.fsRules()) {
            paths.add(new PathTarget(rule, fileSystem.kind(rule.path())));
        }
        try {
            RulesetPlan plan = AbiNegotiation.negotiate(new NegotiationInput(kernelAbi, request.requestedAbi(),
                    request.bestEffort(), paths, policy.netRules(), policy.restrictScoped(), policy.ignoreIfMissing()));
            return new Prepared(plan, executable, request.command(), unavailable);
        } catch (PolicyNotEnforceableException e) {
            String cause = unavailable.isEmpty() ? "" : " (" + unavailable + ")";
            throw new SandboxException(Reason.SETUP, e.getMessage() + cause, e);
        }
    }

    /**
     * Runs the command in the sandbox. On a real kernel this returns only by
     * throwing: on success the process has become the command.
     */
    public void run(RunRequest request) throws SandboxException {
        execute(prepare(request));
    }

    /** Enforces a plan from {@link #prepare} and execs; returns only by throwing on a real kernel. */
    public void execute(Prepared prepared) throws SandboxException {
        warnAboutDropped(prepared);
        RulesetPlan plan = prepared.plan();
        int rulesetFd = plan.restricts() ? buildRuleset(plan) : -1;
        try {
            kernel.restrictSelfAndExec(rulesetFd, plan.blockMptcp(), prepared.executable(), prepared.argv());
        } catch (LandlockException e) {
            throw execFailure(prepared.executable(), e);
        } finally {
            if (rulesetFd >= 0) {
                kernel.close(rulesetFd);
            }
        }
    }

    private void warnAboutDropped(Prepared prepared) {
        RulesetPlan plan = prepared.plan();
        if (!plan.restricts()) {
            reporter.warn("Landlock is unavailable (" + prepared.unavailable() + "): running the command UNRESTRICTED"
                    + " because of --best-effort");
            return;
        }
        for (Dropped dropped : plan.dropped()) {
            reporter.warn(dropped.describe(plan.kernelAbi(), plan.effective()));
        }
    }

    private int buildRuleset(RulesetPlan plan) throws SandboxException {
        int fd;
        try {
            fd = kernel.createRuleset(plan.handledFs(), plan.handledNet(), plan.scoped(), plan.effective());
        } catch (LandlockException e) {
            throw new SandboxException(Reason.SETUP, "cannot create the Landlock ruleset: " + e.getMessage(), e);
        }
        try {
            for (PlannedPathRule rule : plan.pathRules()) {
                addPathRule(fd, rule);
            }
            for (PlannedPortRule rule : plan.portRules()) {
                addPortRule(fd, rule);
            }
            return fd;
        } catch (SandboxException e) {
            kernel.close(fd);
            throw e;
        }
    }

    private void addPathRule(int fd, PlannedPathRule rule) throws SandboxException {
        try {
            kernel.addPathRule(fd, rule.rule().path(), rule.granted());
        } catch (LandlockException e) {
            throw new SandboxException(Reason.SETUP, "cannot add rule " + rule.rule() + ": " + e.getMessage(), e);
        }
    }

    private void addPortRule(int fd, PlannedPortRule rule) throws SandboxException {
        try {
            kernel.addPortRule(fd, rule.rule().port().value(), rule.granted());
        } catch (LandlockException e) {
            throw new SandboxException(Reason.SETUP, "cannot add rule " + rule.rule() + ": " + e.getMessage(), e);
        }
    }

    private static SandboxException execFailure(String executable, LandlockException e) {
        if (e.syscall().equals("landlock_restrict_self") && e.errnoName().equals("E2BIG")) {
            return new SandboxException(Reason.SETUP, "cannot restrict the process: " + e.getMessage()
                    + "; the kernel allows at most 16 nested Landlock layers, and this process already has 16", e);
        }
        if (!e.syscall().equals("execve")) {
            return new SandboxException(Reason.SETUP, "cannot restrict the process: " + e.getMessage(), e);
        }
        String what = "cannot execute " + executable + ": " + e.errnoName() + " (" + e.description() + ")";
        if (NOT_FOUND_ERRORS.contains(e.errnoName())) {
            return new SandboxException(Reason.NOT_FOUND, what, e);
        }
        if (e.errnoName().equals("EACCES")) {
            return new SandboxException(Reason.CANNOT_EXECUTE, what + "; the sandbox likely lacks the x right on it:"
                    + " allow its directory with --fs rx:DIR", e);
        }
        return new SandboxException(Reason.CANNOT_EXECUTE, what, e);
    }

    /**
     * A negotiated run, ready to enforce.
     *
     * @param executable the resolved path execve will get
     * @param argv the command line as given
     * @param unavailable why Landlock is unavailable, empty when it is available
     */
    public record Prepared(RulesetPlan plan, String executable, List<String> argv, String unavailable) {
    }
}
