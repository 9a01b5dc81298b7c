package dev.sandboxec.domain.landlock;

import java.util.ArrayList;
import java.util.List;

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

    /** The values set in {@code mask}, in bit order. */
    public static List<NetAccess> inMask(long mask) {
        List<NetAccess> values = new ArrayList<>();
        for (NetAccess value : values()) {
            if ((mask & value.bit) != 0) {
                values.add(value);
            }
        }
        return values;
    }

    public static long all() {
        return BIND_TCP.bit | CONNECT_TCP.bit;
    }
}
