package dev.sandboxec.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxec.domain.port.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a config file holds, loading it either succeeds or fails with a ConfigException naming the file. */
class ConfigProperties {
    private static Path dir;
    private static final ConfigLoader LOADER = new ConfigLoader(new Environment() {
        @Override
        public Optional<String> variable(String name) {
            return name.equals("HOME") ? Optional.of("/home/me") : Optional.empty();
        }

        @Override
        public Optional<String> home() {
            return Optional.of("/home/me");
        }
    });

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("sandboxec-config-properties");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @Property(tries = 10_000)
    void loadingOnlyEverFailsWithAConfigException(@ForAll("documents") String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), yaml);
        try {
            ConfigDocument document = LOADER.load(file);
            assertThat(document.source()).isEqualTo(file.toString());
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> key = Arbitraries.of("abi", "best-effort", "ignore-if-missing", "restrict-scoped",
                "unsafe-host-runtime", "fs", "net", "mode", "extends", "other", "", "- x", "? a");
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("true", "false", "yes", "0", "7", "-1", "99999999999", "run", "mcp", "null", "~",
                        "rx:/usr", "c:443", "c:65536", "x:/y", "&a x", "*a", "!!str 4", "!!binary AAAA", "'q'",
                        "\"unterminated", "[", "{a: b}", "|\n  block"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> list = scalar.list().ofMaxSize(4)
                .map(items -> items.isEmpty() ? "[]" : "\n" + String.join("\n", items.stream()
                        .map(item -> "  - " + item).toList()));
        Arbitrary<String> entry = Combinators.combine(key, Arbitraries.oneOf(scalar, list))
                .as((k, v) -> k + ": " + v);
        Arbitrary<String> structured = entry.list().ofMaxSize(6).map(lines -> String.join("\n", lines));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(60);
        return Arbitraries.oneOf(structured, structured, anything);
    }
}
