package dev.sandboxec.cli.config;

/** A config file or profile that cannot be used; the message names the file, line and key. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
