package dev.sandboxec.domain.landlock;

import java.util.List;

/** Landlock IPC scopes ({@code LANDLOCK_SCOPE_*}), ABI 6. */
public enum Scope implements AccessBit {
    /** Connecting to an abstract unix socket created outside the sandbox. */
    ABSTRACT_UNIX_SOCKET(0),
    /** Sending a signal to a process outside the sandbox. */
    SIGNAL(1);

    private final long bit;

    Scope(int shift) {
        this.bit = 1L << shift;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** The ABI that introduced scopes. */
    public static Abi abi() {
        return Abi.V6;
    }

    /** The values set in {@code mask}, in bit order. */
    public static List<Scope> inMask(long mask) {
        return AccessBit.inMask(Scope.class, mask);
    }

    public static long all() {
        return AccessBit.all(Scope.class);
    }
}
