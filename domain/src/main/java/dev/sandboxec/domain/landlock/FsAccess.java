package dev.sandboxec.domain.landlock;

import java.util.Collection;
import java.util.List;

/** Landlock filesystem access rights ({@code LANDLOCK_ACCESS_FS_*}). */
public enum FsAccess implements AccessBit {
    EXECUTE(0, Abi.V1, true),
    WRITE_FILE(1, Abi.V1, true),
    READ_FILE(2, Abi.V1, true),
    READ_DIR(3, Abi.V1, false),
    REMOVE_DIR(4, Abi.V1, false),
    REMOVE_FILE(5, Abi.V1, false),
    MAKE_CHAR(6, Abi.V1, false),
    MAKE_DIR(7, Abi.V1, false),
    MAKE_REG(8, Abi.V1, false),
    MAKE_SOCK(9, Abi.V1, false),
    MAKE_FIFO(10, Abi.V1, false),
    MAKE_BLOCK(11, Abi.V1, false),
    MAKE_SYM(12, Abi.V1, false),
    REFER(13, Abi.V2, false),
    TRUNCATE(14, Abi.V3, true),
    IOCTL_DEV(15, Abi.V5, true);

    private final long bit;
    private final Abi abi;
    private final boolean fileRight;

    FsAccess(int shift, Abi abi, boolean fileRight) {
        this.bit = 1L << shift;
        this.abi = abi;
        this.fileRight = fileRight;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** The ABI that introduced this right. */
    public Abi abi() {
        return abi;
    }

    /** Whether the kernel accepts this right on a rule for a non-directory. */
    public boolean isFileRight() {
        return fileRight;
    }

    public static long mask(Collection<FsAccess> accesses) {
        long mask = 0;
        for (FsAccess access : accesses) {
            mask |= access.bit;
        }
        return mask;
    }

    /** The rights set in {@code mask}, in bit order. */
    public static List<FsAccess> inMask(long mask) {
        return AccessBit.inMask(FsAccess.class, mask);
    }

    /** Every right known at {@code abi}: what a ruleset of that ABI handles. */
    public static long handledAt(Abi abi) {
        long mask = 0;
        for (FsAccess access : values()) {
            if (abi.atLeast(access.abi)) {
                mask |= access.bit;
            }
        }
        return mask;
    }

    /** The file rights among all rights: EXECUTE, WRITE_FILE, READ_FILE, TRUNCATE, IOCTL_DEV. */
    public static long fileRights() {
        long mask = 0;
        for (FsAccess access : values()) {
            if (access.fileRight) {
                mask |= access.bit;
            }
        }
        return mask;
    }
}
