package dev.sandboxec.domain.policy;

import static dev.sandboxec.domain.landlock.FsAccess.EXECUTE;
import static dev.sandboxec.domain.landlock.FsAccess.IOCTL_DEV;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_BLOCK;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_CHAR;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_DIR;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_FIFO;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_REG;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_SOCK;
import static dev.sandboxec.domain.landlock.FsAccess.MAKE_SYM;
import static dev.sandboxec.domain.landlock.FsAccess.READ_DIR;
import static dev.sandboxec.domain.landlock.FsAccess.READ_FILE;
import static dev.sandboxec.domain.landlock.FsAccess.REFER;
import static dev.sandboxec.domain.landlock.FsAccess.REMOVE_DIR;
import static dev.sandboxec.domain.landlock.FsAccess.REMOVE_FILE;
import static dev.sandboxec.domain.landlock.FsAccess.TRUNCATE;
import static dev.sandboxec.domain.landlock.FsAccess.WRITE_FILE;

import dev.sandboxec.domain.landlock.FsAccess;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The filesystem rights a user writes before the colon of {@code RIGHTS:PATH}. */
public enum FsRights {
    READ("r", "read"),
    READ_EXEC("rx", "read_exec"),
    WRITE("w", "write"),
    READ_WRITE("rw", "read_write"),
    READ_WRITE_EXEC("rwx", "read_write_exec");

    /** The valid spellings, for messages and help. */
    public static final String FORMS = "r|read, rx|read_exec, w|write, rw|read_write, rwx|read_write_exec";

    private static final Set<FsAccess> R = EnumSet.of(READ_FILE, READ_DIR);
    private static final Set<FsAccess> W = EnumSet.of(WRITE_FILE, TRUNCATE, IOCTL_DEV, READ_DIR, REMOVE_DIR,
            REMOVE_FILE, MAKE_CHAR, MAKE_DIR, MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM, REFER);

    private final String shortName;
    private final String longName;

    FsRights(String shortName, String longName) {
        this.shortName = shortName;
        this.longName = longName;
    }

    public String shortName() {
        return shortName;
    }

    public String longName() {
        return longName;
    }

    public List<String> spellings() {
        return List.of(shortName, longName);
    }

    /** The Landlock rights this word grants, across every ABI. */
    public Set<FsAccess> accesses() {
        EnumSet<FsAccess> accesses = EnumSet.noneOf(FsAccess.class);
        switch (this) {
            case READ -> accesses.addAll(R);
            case READ_EXEC -> {
                accesses.addAll(R);
                accesses.add(EXECUTE);
            }
            case WRITE -> accesses.addAll(W);
            case READ_WRITE -> {
                accesses.addAll(R);
                accesses.addAll(W);
            }
            case READ_WRITE_EXEC -> {
                accesses.addAll(R);
                accesses.addAll(W);
                accesses.add(EXECUTE);
            }
        }
        return accesses;
    }

    public long mask() {
        return FsAccess.mask(accesses());
    }

    /**
     * Parses a rights word, case-insensitively.
     *
     * @throws InvalidRuleException naming the word and the valid forms
     */
    public static FsRights parse(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (FsRights rights : values()) {
            if (rights.shortName.equals(lower) || rights.longName.equals(lower)) {
                return rights;
            }
        }
        throw new InvalidRuleException("unknown filesystem rights '" + word + "' (valid: " + FORMS + ")");
    }
}
