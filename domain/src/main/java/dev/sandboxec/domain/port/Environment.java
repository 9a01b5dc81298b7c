package dev.sandboxec.domain.port;

import java.util.Optional;

/** The process environment, as far as path expansion and command lookup need it. */
public interface Environment {
    /** The value of an environment variable, if set. */
    Optional<String> variable(String name);

    /** The user's home directory: {@code $HOME}, if set. */
    Optional<String> home();
}
