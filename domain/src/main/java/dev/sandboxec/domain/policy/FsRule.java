package dev.sandboxec.domain.policy;

import dev.sandboxec.domain.port.Environment;
import java.util.Objects;

/**
 * {@code RIGHTS:PATH}: rights on a file, or on a directory and everything beneath it.
 *
 * @param optional whether a missing path skips the rule rather than failing: true for
 *     rules of a bundled profile, which must work on layouts that lack some paths
 */
public record FsRule(FsRights rights, String path, boolean optional) {
    public static final String FORMAT = "RIGHTS:PATH with RIGHTS one of " + FsRights.FORMS;

    public FsRule {
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new InvalidRuleException("empty path (expected " + FORMAT + ")");
        }
        if (path.indexOf('\0') >= 0) {
            throw new InvalidRuleException("path contains a NUL character");
        }
    }

    /** A rule the user wrote: its path must exist unless --ignore-if-missing. */
    public FsRule(FsRights rights, String path) {
        this(rights, path, false);
    }

    /** The same rule, skipped when its path is missing. */
    public FsRule asOptional() {
        return new FsRule(rights, path, true);
    }

    /**
     * Parses {@code RIGHTS:PATH}, split at the first colon (paths may contain
     * colons), and expands {@code ~}, {@code $VAR} and {@code ${VAR}} in the path.
     *
     * @throws InvalidRuleException naming the rule and the valid forms
     */
    public static FsRule parse(String text, Environment environment) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidRuleException("invalid filesystem rule '" + text + "': expected " + FORMAT);
        }
        try {
            FsRights rights = FsRights.parse(text.substring(0, colon));
            return new FsRule(rights, PathExpansion.expand(text.substring(colon + 1), environment));
        } catch (InvalidRuleException e) {
            throw new InvalidRuleException("invalid filesystem rule '" + text + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return rights.shortName() + ":" + path;
    }
}
