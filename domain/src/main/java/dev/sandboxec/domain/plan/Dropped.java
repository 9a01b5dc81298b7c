package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.landlock.Abi;

/**
 * Something the policy asked for that the effective ABI cannot enforce.
 *
 * @param feature what is not enforced, e.g. {@code "network rules (c:443)"}
 * @param needs the ABI that brings it
 * @param consequence what the command may do as a result
 */
public record Dropped(String feature, Abi needs, String consequence) {
    /** One line: feature, the ABI it needs, and the consequence. */
    public String describe(int kernelAbi, Abi effective) {
        return feature + " skipped: needs Landlock " + needs.describe() + ", effective ABI is " + effective.version()
                + " (kernel ABI " + kernelAbi + "); " + consequence;
    }
}
