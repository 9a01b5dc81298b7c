package dev.sandboxec.adapters.linux;

import dev.sandboxec.domain.port.Environment;
import java.util.Optional;

/** The domain's {@link Environment} port: this process's environment variables. */
public final class HostEnvironment implements Environment {
    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public Optional<String> home() {
        return variable("HOME").filter(home -> !home.isEmpty());
    }
}
