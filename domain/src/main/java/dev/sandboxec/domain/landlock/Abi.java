package dev.sandboxec.domain.landlock;

/**
 * Landlock ABI versions this build knows, each with the Linux release that
 * brought it. {@link #NONE} stands for a kernel without usable Landlock.
 */
public enum Abi {
    /** Landlock unavailable: not built in, or disabled at boot. */
    NONE(0, "-"),
    /** Filesystem access rights. Linux 5.13. */
    V1(1, "5.13"),
    /** REFER: linking and renaming across directories. Linux 5.19. */
    V2(2, "5.19"),
    /** TRUNCATE. Linux 6.2. */
    V3(3, "6.2"),
    /** TCP bind and connect. Linux 6.7. */
    V4(4, "6.7"),
    /** IOCTL_DEV on character and block devices. Linux 6.10. */
    V5(5, "6.10"),
    /** Scopes: abstract unix sockets and signals. Linux 6.12. */
    V6(6, "6.12"),
    /** Audit log flags for landlock_restrict_self. Linux 6.15. */
    V7(7, "6.15");

    /** The highest ABI this build knows. */
    public static final Abi LATEST = V7;

    private final int version;
    private final String linux;

    Abi(int version, String linux) {
        this.version = version;
        this.linux = linux;
    }

    public int version() {
        return version;
    }

    /** The first Linux release with this ABI, e.g. {@code "6.7"}. */
    public String linux() {
        return linux;
    }

    public boolean atLeast(Abi other) {
        return version >= other.version;
    }

    /**
     * The known ABI for a version number; a kernel newer than this build is
     * used at {@link #LATEST}.
     *
     * @throws IllegalArgumentException for a negative version
     */
    public static Abi of(int version) {
        if (version < 0) {
            throw new IllegalArgumentException("ABI version must not be negative: " + version);
        }
        Abi[] all = values();
        return version >= all.length ? LATEST : all[version];
    }

    /** Both forms at once for messages: {@code "ABI 4 (Linux 6.7)"}. */
    public String describe() {
        return this == NONE ? "no Landlock" : "ABI " + version + " (Linux " + linux + ")";
    }
}
