package dev.sandboxec.domain.port;

import java.util.Objects;

/**
 * A syscall the kernel port made failed. Carries the syscall, errno, errno's
 * name and description as the C library gives them, and the path or port it
 * was about. The message reads like
 * {@code landlock_add_rule(/etc): EINVAL (Invalid argument)}.
 */
public class LandlockException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String syscall;
    private final int errno;
    private final String errnoName;
    private final String description;
    private final String subject;

    public LandlockException(String syscall, String subject, int errno, String errnoName, String description) {
        super(syscall + (subject.isEmpty() ? "" : "(" + subject + ")") + ": " + errnoName + " (" + description + ")");
        this.syscall = Objects.requireNonNull(syscall);
        this.subject = Objects.requireNonNull(subject);
        this.errno = errno;
        this.errnoName = Objects.requireNonNull(errnoName);
        this.description = Objects.requireNonNull(description);
    }

    public String syscall() {
        return syscall;
    }

    /** The path or port the call was about; empty when it had none. */
    public String subject() {
        return subject;
    }

    public int errno() {
        return errno;
    }

    public String errnoName() {
        return errnoName;
    }

    public String description() {
        return description;
    }
}
