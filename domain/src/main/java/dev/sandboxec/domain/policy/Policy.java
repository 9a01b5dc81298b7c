package dev.sandboxec.domain.policy;

import java.util.List;

/**
 * What the user allows: filesystem rules, network rules, IPC scoping, and how
 * a rule for a missing path is treated. Everything else is denied.
 */
public record Policy(List<FsRule> fsRules, List<NetRule> netRules, boolean restrictScoped, boolean ignoreIfMissing) {
    public Policy {
        fsRules = List.copyOf(fsRules);
        netRules = List.copyOf(netRules);
    }
}
