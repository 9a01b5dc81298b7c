package dev.sandboxec.adapters.linux;

import dev.sandboxec.domain.port.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The domain's {@link Environment} port: this process's environment, read as
 * UTF-8 from {@code /proc/self/environ} like the arguments (System.getenv
 * decodes with the locale's charset, which loses non-ASCII under LANG=C).
 */
public final class HostEnvironment implements Environment {
    private Map<String, String> variables;

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables().get(name));
    }

    @Override
    public Optional<String> home() {
        return variable("HOME").filter(home -> !home.isEmpty());
    }

    private Map<String, String> variables() {
        if (variables == null) {
            variables = read();
        }
        return variables;
    }

    private static Map<String, String> read() {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc/self/environ"));
        } catch (IOException | SecurityException e) {
            return System.getenv();
        }
        Map<String, String> variables = new HashMap<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                String entry = new String(raw, start, i - start, StandardCharsets.UTF_8);
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    variables.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
                }
                start = i + 1;
            }
        }
        return variables;
    }
}
