package dev.sandboxec.domain.port;

/**
 * The kernel offers no Landlock: built without it (ENOSYS) or with it
 * disabled at boot (EOPNOTSUPP). The hint says which and what to do.
 */
public final class LandlockUnavailableException extends LandlockException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public LandlockUnavailableException(int errno, String errnoName, String description, String hint) {
        super("landlock_create_ruleset", "", errno, errnoName, description);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
