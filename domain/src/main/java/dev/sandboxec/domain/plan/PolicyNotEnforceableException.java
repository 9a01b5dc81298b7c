package dev.sandboxec.domain.plan;

/**
 * In strict mode, the policy needs something the kernel (or the requested
 * ABI) cannot give; the message names the feature, the ABI it needs and the
 * kernel's ABI, with a hint.
 */
public final class PolicyNotEnforceableException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyNotEnforceableException(String message) {
        super(message);
    }
}
