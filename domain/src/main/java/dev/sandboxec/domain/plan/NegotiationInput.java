package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.policy.NetRule;
import java.util.List;

/**
 * Everything ABI negotiation decides from.
 *
 * @param kernelAbi the kernel's Landlock ABI, 0 when unavailable
 * @param requestedAbi {@code --abi}: 0 means the highest this build knows
 * @param bestEffort drop what the ABI lacks instead of failing
 * @param paths the filesystem rules, each with what its path names on disk
 */
public record NegotiationInput(
        int kernelAbi,
        int requestedAbi,
        boolean bestEffort,
        List<PathTarget> paths,
        List<NetRule> netRules,
        boolean restrictScoped,
        boolean ignoreIfMissing) {

    public NegotiationInput {
        if (kernelAbi < 0) {
            throw new IllegalArgumentException("kernel ABI must not be negative: " + kernelAbi);
        }
        if (requestedAbi < 0) {
            throw new IllegalArgumentException("requested ABI must not be negative: " + requestedAbi);
        }
        paths = List.copyOf(paths);
        netRules = List.copyOf(netRules);
    }
}
