package dev.sandboxec.domain.landlock;

import java.util.List;

/** Landlock network access rights ({@code LANDLOCK_ACCESS_NET_*}), ABI 4. */
public enum NetAccess implements AccessBit {
    BIND_TCP(0),
    CONNECT_TCP(1);

    private final long bit;

    NetAccess(int shift) {
        this.bit = 1L << shift;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** The ABI that introduced the network rights. */
    public static Abi abi() {
        return Abi.V4;
    }

    /** The values set in {@code mask}, in bit order. */
    public static List<NetAccess> inMask(long mask) {
        return AccessBit.inMask(NetAccess.class, mask);
    }

    public static long all() {
        return AccessBit.all(NetAccess.class);
    }
}
