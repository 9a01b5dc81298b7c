package dev.sandboxec.domain.policy;

import dev.sandboxec.domain.port.Environment;

/**
 * Expands a leading {@code ~} or {@code ~/}, and {@code $VAR} / {@code ${VAR}}
 * anywhere, the way a shell would for an unquoted word. An undefined variable
 * is an error rather than an empty string: {@code rw:$UNSET/x} must not
 * silently become {@code rw:/x}.
 */
public final class PathExpansion {
    private PathExpansion() {
    }

    public static String expand(String path, Environment environment) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        int i = 0;
        if (path.equals("~") || path.startsWith("~/")) {
            String home = environment.home()
                    .orElseThrow(() -> new InvalidRuleException("cannot expand '~': HOME is not set"));
            out.append(home);
            i = 1;
        }
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '$' || i + 1 == path.length()) {
                out.append(c);
                i++;
            } else if (path.charAt(i + 1) == '{') {
                int close = path.indexOf('}', i + 2);
                if (close < 0) {
                    throw new InvalidRuleException("unterminated '${' in path '" + path + "'");
                }
                String name = path.substring(i + 2, close);
                if (!isName(name)) {
                    throw new InvalidRuleException("invalid variable name '${" + name + "}' in path '" + path + "'");
                }
                out.append(lookup(name, path, environment));
                i = close + 1;
            } else if (isNameStart(path.charAt(i + 1))) {
                int end = i + 2;
                while (end < path.length() && isNamePart(path.charAt(end))) {
                    end++;
                }
                out.append(lookup(path.substring(i + 1, end), path, environment));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String lookup(String name, String path, Environment environment) {
        return environment.variable(name)
                .orElseThrow(() -> new InvalidRuleException("variable $" + name + " in path '" + path + "' is not set"));
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNamePart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
