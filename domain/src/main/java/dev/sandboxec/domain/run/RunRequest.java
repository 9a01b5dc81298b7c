package dev.sandboxec.domain.run;

import dev.sandboxec.domain.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * One command to run under one policy.
 *
 * @param requestedAbi {@code --abi}, 0 for the highest this build knows
 * @param command the command line; its first word is resolved through PATH when it has no slash
 */
public record RunRequest(Policy policy, int requestedAbi, boolean bestEffort, List<String> command) {
    public RunRequest {
        Objects.requireNonNull(policy, "policy");
        if (requestedAbi < 0) {
            throw new IllegalArgumentException("--abi must not be negative: " + requestedAbi);
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
    }
}
