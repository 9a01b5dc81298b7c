package dev.sandboxec.domain.landlock;

import java.util.ArrayList;
import java.util.List;

/** A Landlock right or scope: one bit of a kernel mask. */
public interface AccessBit {
    long bit();

    /** The values whose bit is set in {@code mask}, in declaration (bit) order. */
    static <E extends Enum<E> & AccessBit> List<E> inMask(Class<E> type, long mask) {
        List<E> set = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            if ((mask & value.bit()) != 0) {
                set.add(value);
            }
        }
        return set;
    }

    /** Every bit of the type, or'ed together. */
    static <E extends Enum<E> & AccessBit> long all(Class<E> type) {
        long mask = 0;
        for (E value : type.getEnumConstants()) {
            mask |= value.bit();
        }
        return mask;
    }
}
