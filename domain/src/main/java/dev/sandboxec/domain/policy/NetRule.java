package dev.sandboxec.domain.policy;

import java.util.Objects;

/** {@code RIGHTS:PORT}: TCP bind and/or connect on one port. */
public record NetRule(NetRights rights, Port port) {
    public static final String FORMAT = "RIGHTS:PORT with RIGHTS one of " + NetRights.FORMS
            + " and PORT a decimal number 0..65535";

    public NetRule {
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(port, "port");
    }

    /**
     * Parses {@code RIGHTS:PORT}.
     *
     * @throws InvalidRuleException naming the rule and the valid forms
     */
    public static NetRule parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidRuleException("invalid network rule '" + text + "': expected " + FORMAT);
        }
        try {
            return new NetRule(NetRights.parse(text.substring(0, colon)), Port.parse(text.substring(colon + 1)));
        } catch (InvalidRuleException e) {
            throw new InvalidRuleException("invalid network rule '" + text + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return rights.shortName() + ":" + port;
    }
}
