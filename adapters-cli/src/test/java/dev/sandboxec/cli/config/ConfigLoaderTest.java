package dev.sandboxec.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sandboxec.domain.policy.FsRights;
import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.port.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    final Map<String, String> variables = new HashMap<>(Map.of("HOME", "/home/me", "WORK", "/srv/work"));
    final Environment environment = new Environment() {
        @Override
        public Optional<String> variable(String name) {
            return Optional.ofNullable(variables.get(name));
        }

        @Override
        public Optional<String> home() {
            return variable("HOME");
        }
    };
    final ConfigLoader loader = new ConfigLoader(environment);

    Path write(String name, String yaml) throws IOException {
        return Files.writeString(tmp.resolve(name), yaml);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        ConfigDocument document = loader.load(write("sandboxec.yaml", """
                # a policy
                abi: 4
                best-effort: true
                ignore-if-missing: false
                restrict-scoped: true
                unsafe-host-runtime: false
                mode: run
                fs:
                  - rx:/usr
                  - rw:~/project
                  - r:${WORK}/data:2024
                net:
                  - c:443
                  - BC:8080
                """));

        assertThat(document.abi()).contains(4);
        assertThat(document.bestEffort()).contains(true);
        assertThat(document.ignoreIfMissing()).contains(false);
        assertThat(document.restrictScoped()).contains(true);
        assertThat(document.fs()).contains(List.of(new FsRule(FsRights.READ_EXEC, "/usr"),
                new FsRule(FsRights.READ_WRITE, "/home/me/project"), new FsRule(FsRights.READ, "/srv/work/data:2024")));
        assertThat(document.net()).contains(List.of(NetRule.parse("c:443"), NetRule.parse("bc:8080")));
    }

    @Test
    void anEmptyFileSetsNothing() throws Exception {
        ConfigDocument document = loader.load(write("empty.yml", "# nothing\n"));

        assertThat(document.fs()).isEmpty();
        assertThat(document.abi()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key           | fs: [rx:/usr]\\nnetwork: [c:443]         | :2: key 'network': unknown key
            duplicate key         | abi: 4\\nabi: 5                          | :2: key 'abi': duplicate key
            abi not a number      | abi: four                                | :1: key 'abi': expected a Landlock ABI
            abi negative          | abi: -1                                  | :1: key 'abi': expected a Landlock ABI
            abi too large         | abi: 99999999999                         | :1: key 'abi': expected a Landlock ABI
            bool as string        | best-effort: yes                         | :1: key 'best-effort': expected true or false
            bool as list          | restrict-scoped: [true]                  | :1: key 'restrict-scoped': expected true or false
            fs not a list         | fs: rx:/usr                              | :1: key 'fs': expected a list
            fs item not a string  | fs:\\n  - [rx:/usr]                      | :2: key 'fs': expected a string
            fs item a number      | fs:\\n  - 443                            | :2: key 'fs': expected a string
            bad fs rule           | fs:\\n  - rx:/usr\\n  - x:/etc           | :3: key 'fs': invalid filesystem rule 'x:/etc'
            unset variable        | fs:\\n  - rw:$NOPE/x                     | :2: key 'fs': invalid filesystem rule
            bad net rule          | net:\\n  - c:65536                       | :2: key 'net': invalid network rule 'c:65536'
            net range             | net:\\n  - c:80-90                       | :2: key 'net': invalid network rule 'c:80-90'
            mode mcp              | mode: mcp                                | :1: key 'mode': mode 'mcp' is not available
            host runtime          | unsafe-host-runtime: true                | :1: key 'unsafe-host-runtime': host-runtime
            not a mapping         | - rx:/usr                                | :1: expected a mapping
            syntax error          | fs: [rx:/usr\\nnet: x                    | YAML syntax error
            tab indentation       | fs:\\n\\t- rx:/usr                       | YAML syntax error
            extends in a file     | extends: base                            | :1: key 'extends': unknown key
            custom tag            | abi: !!java.lang.Runtime 4               | :1: key 'abi'
            """)
    void badDocumentsNameFileLineAndKey(String name, String yaml, String expected) throws IOException {
        Path file = write("bad.yaml", yaml.replace("\\n", "\n").replace("\\t", "\t"));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expected);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anAliasBombIsRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        Path file = write("bomb.yaml", yaml.toString());

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class);
    }

    @Test
    void onlyYamlFilesAreAccepted() throws IOException {
        Path json = write("sandboxec.json", "{}");

        assertThatThrownBy(() -> loader.load(json)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be YAML");
    }

    @Test
    void missingAndUnreadableFilesAreErrors() throws IOException {
        assertThatThrownBy(() -> loader.load(tmp.resolve("absent.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
        Path directory = Files.createDirectory(tmp.resolve("dir.yaml"));
        assertThatThrownBy(() -> loader.load(directory)).isInstanceOf(ConfigException.class);
        Path binary = Files.write(tmp.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> loader.load(binary)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(binary.toString());
        Path locked = write("locked.yaml", "abi: 1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) {
            assertThatThrownBy(() -> loader.load(locked)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("cannot read");
        }
    }

    @Test
    void lookupPrefersXdgThenHomeThenEtc() throws IOException {
        Path xdg = Files.createDirectories(tmp.resolve("xdg/sandboxec"));
        Path home = Files.createDirectories(tmp.resolve("home/.config/sandboxec"));
        variables.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        variables.put("HOME", tmp.resolve("home").toString());

        Path inHome = Files.writeString(home.resolve("sandboxec.yml"), "abi: 1\n");
        assertThat(loader.lookup()).contains(inHome);

        Path inXdgYml = Files.writeString(xdg.resolve("sandboxec.yml"), "abi: 2\n");
        assertThat(loader.lookup()).contains(inXdgYml);

        Path inXdgYaml = Files.writeString(xdg.resolve("sandboxec.yaml"), "abi: 3\n");
        assertThat(loader.lookup()).contains(inXdgYaml);

        variables.remove("XDG_CONFIG_HOME");
        assertThat(loader.lookup()).contains(inHome);
    }

    @Test
    void lookupFindsNothingWithoutFiles() {
        variables.put("XDG_CONFIG_HOME", tmp.resolve("none").toString());
        variables.put("HOME", tmp.resolve("nobody").toString());

        assumeFalse(Files.exists(Path.of("/etc/sandboxec")), "this machine has a system-wide /etc/sandboxec");

        assertThat(loader.lookup()).isEmpty();
    }

    @Test
    void everyBundledProfileLoadsWithOptionalRules() throws Exception {
        for (String name : ConfigLoader.profileNames()) {
            ConfigDocument profile = loader.loadProfile(name);

            assertThat(profile.fs()).as(name).hasValueSatisfying(rules -> {
                assertThat(rules).isNotEmpty().allMatch(FsRule::optional);
                assertThat(rules).extracting(FsRule::path).doesNotContain("/proc", "/", "/home", "/root");
            });
            assertThat(ConfigLoader.profileSummary(name)).as(name).isNotBlank();
        }
        assertThat(loader.loadProfile("shell").fs().orElseThrow()).extracting(FsRule::path).contains("/usr",
                "/etc/profile");
        assertThat(loader.loadProfile("net-client").net().orElseThrow()).containsExactly(NetRule.parse("c:80"),
                NetRule.parse("c:443"));
    }

    @Test
    void anUnknownProfileListsTheAvailableOnes() {
        assertThatThrownBy(() -> loader.loadProfile("rust")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown profile 'rust'").hasMessageContaining("base, shell, python");
    }
}
