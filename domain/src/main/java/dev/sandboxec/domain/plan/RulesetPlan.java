package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.landlock.Abi;
import java.util.List;

/**
 * The outcome of ABI negotiation: exactly what will be asked of the kernel.
 *
 * @param kernelAbi the kernel's ABI, 0 when Landlock is unavailable
 * @param target the ABI the user asked for ({@link Abi#LATEST} by default)
 * @param effective the ABI the ruleset is built for; {@link Abi#NONE} means no ruleset at all
 * @param handledFs filesystem rights handled, so denied unless a rule allows them
 * @param handledNet network rights handled; non-zero means no TCP bind/connect without a rule
 * @param scoped IPC scopes restricted
 * @param blockMptcp whether MPTCP sockets are refused (they escape the TCP rules)
 * @param skipped rules left out on purpose (missing paths with --ignore-if-missing)
 */
public record RulesetPlan(
        int kernelAbi,
        Abi target,
        Abi effective,
        long handledFs,
        long handledNet,
        long scoped,
        boolean blockMptcp,
        List<PlannedPathRule> pathRules,
        List<PlannedPortRule> portRules,
        List<Dropped> dropped,
        List<String> skipped,
        Status status) {

    public RulesetPlan {
        pathRules = List.copyOf(pathRules);
        portRules = List.copyOf(portRules);
        dropped = List.copyOf(dropped);
        skipped = List.copyOf(skipped);
    }

    /** Whether a ruleset is created and the command restricted at all. */
    public boolean restricts() {
        return effective != Abi.NONE;
    }
}
