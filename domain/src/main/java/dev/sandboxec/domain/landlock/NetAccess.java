package dev.sandboxec.domain.landlock;

/** Landlock network access rights ({@code LANDLOCK_ACCESS_NET_*}), ABI 4. */
public enum NetAccess {
    BIND_TCP(0),
    CONNECT_TCP(1);

    private final long bit;

    NetAccess(int shift) {
        this.bit = 1L << shift;
    }

    public long bit() {
        return bit;
    }

    /** The ABI that introduced the network rights. */
    public static Abi abi() {
        return Abi.V4;
    }

    public static long all() {
        return BIND_TCP.bit | CONNECT_TCP.bit;
    }
}
