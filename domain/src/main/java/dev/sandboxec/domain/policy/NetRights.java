package dev.sandboxec.domain.policy;

import dev.sandboxec.domain.landlock.NetAccess;
import java.util.List;
import java.util.Locale;

/** The network rights a user writes before the colon of {@code RIGHTS:PORT}. */
public enum NetRights {
    BIND(List.of("b", "bind"), NetAccess.BIND_TCP.bit()),
    CONNECT(List.of("c", "connect"), NetAccess.CONNECT_TCP.bit()),
    BIND_CONNECT(List.of("bc", "cb", "bind_connect"), NetAccess.BIND_TCP.bit() | NetAccess.CONNECT_TCP.bit());

    /** The valid spellings, for messages and help. */
    public static final String FORMS = "b|bind, c|connect, bc|cb|bind_connect";

    private final List<String> spellings;
    private final long mask;

    NetRights(List<String> spellings, long mask) {
        this.spellings = spellings;
        this.mask = mask;
    }

    public List<String> spellings() {
        return spellings;
    }

    public String shortName() {
        return spellings.get(0);
    }

    /** The Landlock network rights ({@code LANDLOCK_ACCESS_NET_*}) this word grants. */
    public long mask() {
        return mask;
    }

    /**
     * Parses a rights word, case-insensitively; {@code bc} and {@code cb} are the same value.
     *
     * @throws InvalidRuleException naming the word and the valid forms
     */
    public static NetRights parse(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (NetRights rights : values()) {
            if (rights.spellings.contains(lower)) {
                return rights;
            }
        }
        throw new InvalidRuleException("unknown network rights '" + word + "' (valid: " + FORMS + ")");
    }
}
