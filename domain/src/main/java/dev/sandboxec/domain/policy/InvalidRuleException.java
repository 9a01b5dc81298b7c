package dev.sandboxec.domain.policy;

/**
 * A rule, port, rights word or path that cannot be understood. The message
 * names the offending text and the valid forms.
 */
public final class InvalidRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRuleException(String message) {
        super(message);
    }
}
