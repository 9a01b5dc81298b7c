package dev.sandboxec.domain.run;

import java.util.Objects;

/** The command did not start; {@link #reason()} says whose fault, the message says what and how to fix it. */
public final class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public SandboxException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public SandboxException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** Why the command did not start, in the terms of the coreutils wrappers' exit codes. */
    public enum Reason {
        /** sandboxec itself failed: bad input, policy not enforceable, a syscall before exec. */
        SETUP,
        /** The command was found but could not be executed. */
        CANNOT_EXECUTE,
        /** The command was not found. */
        NOT_FOUND
    }
}
