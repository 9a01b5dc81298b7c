package dev.sandboxec.domain.plan;

/** How much of the asked-for policy the kernel will enforce, as in the Rust landlock crate. */
public enum Status {
    FULLY_ENFORCED("fully enforced"),
    PARTIALLY_ENFORCED("partially enforced"),
    NOT_ENFORCED("not enforced");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
