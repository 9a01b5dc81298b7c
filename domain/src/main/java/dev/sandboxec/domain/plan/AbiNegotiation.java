package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.landlock.FsAccess;
import dev.sandboxec.domain.landlock.NetAccess;
import dev.sandboxec.domain.landlock.Scope;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a policy and a kernel ABI into a {@link RulesetPlan}: one pure,
 * table-driven function, no I/O.
 *
 * <p>The target ABI is {@code --abi}, or the highest this build knows. Every
 * right the effective ABI knows is handled, so whatever no rule allows is
 * denied; network is handled from ABI 4 on even without a {@code --net} rule.
 * Strict mode refuses a policy that needs more than the kernel has: network
 * rules below ABI 4, {@code --restrict-scoped} below 6, an {@code --abi} above
 * the kernel's, no Landlock at all. Best effort drops those, and the plan says
 * what was dropped. Rights that only a newer kernel could restrict, when no
 * {@code --abi} was given, are listed as dropped in both modes: the command
 * runs, and the user is told what is not restricted.
 */
public final class AbiNegotiation {
    private AbiNegotiation() {
    }

    public static RulesetPlan negotiate(NegotiationInput in) throws PolicyNotEnforceableException {
        List<String> skipped = skipMissing(in);
        Abi kernel = Abi.of(in.kernelAbi());
        Abi target = target(in, kernel);
        List<Dropped> dropped = new ArrayList<>();

        if (kernel == Abi.NONE) {
            if (!in.bestEffort()) {
                throw new PolicyNotEnforceableException("Landlock is unavailable on this kernel, so nothing can be"
                        + " enforced; pass --best-effort to run the command unrestricted anyway");
            }
            dropped.add(new Dropped("the whole policy", Abi.V1, "the command runs unrestricted"));
            return new RulesetPlan(in.kernelAbi(), target, Abi.NONE, 0, 0, 0, false, List.of(), List.of(), dropped,
                    skipped, Status.NOT_ENFORCED);
        }

        Abi effective = target.atLeast(kernel) ? kernel : target;
        dropAccessesAbove(effective, target, in, dropped);

        if (!in.netRules().isEmpty() && !effective.atLeast(NetAccess.abi())) {
            String rules = in.netRules().stream().map(NetRule::toString).collect(Collectors.joining(", "));
            Dropped net = new Dropped("network rules (" + rules + ")", NetAccess.abi(),
                    "TCP bind and connect are unrestricted");
            require(in, net, effective, "; pass --best-effort to run with the network unrestricted");
            dropped.add(net);
        }
        if (in.restrictScoped() && !effective.atLeast(Scope.abi())) {
            Dropped scope = new Dropped("--restrict-scoped", Scope.abi(),
                    "the command can signal processes and reach abstract unix sockets outside its sandbox");
            require(in, scope, effective, "; pass --best-effort to run without IPC scoping");
            dropped.add(scope);
        }

        long handledFs = FsAccess.handledAt(effective);
        long handledNet = effective.atLeast(NetAccess.abi()) ? NetAccess.all() : 0;
        long scoped = in.restrictScoped() && effective.atLeast(Scope.abi()) ? Scope.all() : 0;

        List<PlannedPathRule> pathRules = new ArrayList<>();
        for (PathTarget path : in.paths()) {
            if (path.kind() == PathKind.MISSING) {
                continue;
            }
            boolean directory = path.kind() == PathKind.DIRECTORY;
            long requested = path.rule().rights().mask() & (directory ? ~0L : FsAccess.fileRights());
            pathRules.add(new PlannedPathRule(path.rule(), directory, requested, requested & handledFs));
        }
        List<PlannedPortRule> portRules = new ArrayList<>();
        if (handledNet != 0) {
            for (NetRule rule : in.netRules()) {
                portRules.add(new PlannedPortRule(rule, rule.rights().mask()));
            }
        }
        Status status = dropped.isEmpty() ? Status.FULLY_ENFORCED : Status.PARTIALLY_ENFORCED;
        return new RulesetPlan(in.kernelAbi(), target, effective, handledFs, handledNet, scoped, handledNet != 0,
                pathRules, portRules, dropped, skipped, status);
    }

    private static List<String> skipMissing(NegotiationInput in) throws PolicyNotEnforceableException {
        List<String> skipped = new ArrayList<>();
        for (PathTarget path : in.paths()) {
            if (path.kind() != PathKind.MISSING) {
                continue;
            }
            if (!in.ignoreIfMissing() && !path.rule().optional()) {
                throw new PolicyNotEnforceableException("path does not exist: " + path.rule().path() + " (rule "
                        + path.rule() + "); create it, correct the rule, or pass --ignore-if-missing");
            }
            skipped.add(path.rule().toString());
        }
        return skipped;
    }

    private static Abi target(NegotiationInput in, Abi kernel) throws PolicyNotEnforceableException {
        int requested = in.requestedAbi();
        if (requested == 0) {
            return Abi.LATEST;
        }
        if (requested > in.kernelAbi() && !in.bestEffort()) {
            throw new PolicyNotEnforceableException("--abi " + requested + " is above this kernel's Landlock ABI "
                    + in.kernelAbi() + "; pass --abi " + Math.max(1, Math.min(in.kernelAbi(), Abi.LATEST.version()))
                    + " or --best-effort");
        }
        if (requested > Abi.LATEST.version() && !in.bestEffort()) {
            throw new PolicyNotEnforceableException("--abi " + requested + " is unknown to this sandboxec, which knows"
                    + " ABI 1 to " + Abi.LATEST.version());
        }
        return Abi.of(requested);
    }

    /** Rights the target ABI would handle but the effective one cannot: not restricted at all. */
    private static void dropAccessesAbove(Abi effective, Abi target, NegotiationInput in, List<Dropped> dropped) {
        for (FsAccess access : FsAccess.values()) {
            if (!effective.atLeast(access.abi()) && target.atLeast(access.abi())) {
                dropped.add(new Dropped("filesystem right " + access.name(), access.abi(),
                        access.name() + " is not restricted anywhere"));
            }
        }
        if (in.netRules().isEmpty() && !effective.atLeast(NetAccess.abi()) && target.atLeast(NetAccess.abi())) {
            dropped.add(new Dropped("TCP restriction", NetAccess.abi(), "TCP bind and connect are unrestricted"));
        }
    }

    private static void require(NegotiationInput in, Dropped feature, Abi effective, String hint)
            throws PolicyNotEnforceableException {
        if (!in.bestEffort()) {
            throw new PolicyNotEnforceableException(feature.feature() + " requires Landlock " + feature.needs().describe()
                    + ", but the effective ABI is " + effective.version() + " (kernel ABI " + in.kernelAbi() + ")"
                    + hint);
        }
    }
}
