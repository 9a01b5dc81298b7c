package dev.sandboxec.domain.policy;

/** A TCP port, 0..65535; no other value can exist. */
public record Port(int value) {
    public static final int MAX = 65_535;

    private static final String FORMS = "a decimal port number from 0 to 65535; no ranges, wildcards, signs or hex";

    public Port {
        if (value < 0 || value > MAX) {
            throw new InvalidRuleException("port " + value + " is out of range (expected " + FORMS + ")");
        }
    }

    /**
     * Parses a port written in ASCII decimal digits only.
     *
     * @throws InvalidRuleException naming the text and the valid form
     */
    public static Port parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidRuleException("empty port (expected " + FORMS + ")");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidRuleException("invalid port '" + text + "' (expected " + FORMS + ")");
            }
            value = value * 10 + (c - '0');
            if (value > MAX) {
                throw new InvalidRuleException("port '" + text + "' is out of range (expected " + FORMS + ")");
            }
        }
        return new Port(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
