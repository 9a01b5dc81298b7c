package dev.sandboxec.cli.config;

import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.InvalidRuleException;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.port.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads sandboxec YAML: config files and the profiles bundled in the jar.
 * SnakeYAML Engine only composes nodes (no object construction, so no
 * arbitrary types), and every value is checked against the one schema below;
 * errors name the file, the line and the key.
 */
public final class ConfigLoader {
    /** The keys a config file may set. */
    public static final List<String> KEYS = List.of("abi", "best-effort", "ignore-if-missing", "restrict-scoped",
            "unsafe-host-runtime", "fs", "net", "mode");

    private static final String PROFILES = "/dev/sandboxec/cli/profiles/";
    private static final int MAX_BYTES = 1 << 20;

    private final Environment environment;

    public ConfigLoader(Environment environment) {
        this.environment = environment;
    }

    /**
     * The first of {@code $XDG_CONFIG_HOME/sandboxec}, {@code ~/.config/sandboxec}
     * and {@code /etc/sandboxec} holding {@code sandboxec.yaml} or {@code sandboxec.yml}.
     */
    public Optional<Path> lookup() {
        List<Path> dirs = new ArrayList<>();
        environment.variable("XDG_CONFIG_HOME").filter(dir -> dir.startsWith("/"))
                .ifPresent(dir -> dirs.add(Path.of(dir, "sandboxec")));
        environment.home().filter(home -> home.startsWith("/"))
                .ifPresent(home -> dirs.add(Path.of(home, ".config", "sandboxec")));
        dirs.add(Path.of("/etc/sandboxec"));
        for (Path dir : dirs) {
            for (String name : List.of("sandboxec.yaml", "sandboxec.yml")) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** Loads a config file given with --config or found by {@link #lookup}. */
    public ConfigDocument load(Path file) throws ConfigException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new ConfigException("config file " + file + " must be YAML, named *.yaml or *.yml");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException("config file " + file + " is larger than 1 MiB");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(file.toString(), in, false);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** The names of the bundled profiles, in the order --list-profiles shows them. */
    public static List<String> profileNames() {
        return List.of("base", "shell", "python", "node", "java", "git", "net-client");
    }

    /** Loads a bundled profile; its rules are optional, since layouts differ. */
    public ConfigDocument loadProfile(String name) throws ConfigException {
        if (!profileNames().contains(name)) {
            throw new ConfigException("unknown profile '" + name + "' (available: " + String.join(", ",
                    profileNames()) + ")");
        }
        try (InputStream in = ConfigLoader.class.getResourceAsStream(PROFILES + name + ".yaml")) {
            if (in == null) {
                throw new ConfigException("profile " + name + " is missing from this build");
            }
            return parse("profile " + name, in, true);
        } catch (IOException e) {
            throw new ConfigException("cannot read profile " + name + ": " + e.getMessage());
        }
    }

    /** The first comment line of a bundled profile: what it is for. */
    public static String profileSummary(String name) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(PROFILES + name + ".yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> line.startsWith("# ")).findFirst().map(line -> line.substring(2))
                    .orElse("");
        } catch (IOException | NullPointerException e) {
            return "";
        }
    }

    private ConfigDocument parse(String source, InputStream in, boolean profile) throws ConfigException {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false).setMaxAliasesForCollections(10).setCodePointLimit(MAX_BYTES).build();
        Node root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            root = new Compose(settings).composeReader(reader).orElse(null);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(mark -> source + ":" + (mark.getLine() + 1)).orElse(source);
            throw new ConfigException(where + ": YAML syntax error: " + e.getProblem());
        } catch (YamlEngineException e) {
            Throwable cause = e.getCause() instanceof CharacterCodingException ? e.getCause() : e;
            throw new ConfigException(source + ": not valid YAML: " + cause.getMessage());
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage());
        }
        if (root == null) {
            return new ConfigDocument(source, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw error(source, root, null, "expected a mapping of keys (" + String.join(", ", KEYS) + ")");
        }
        return document(source, mapping, profile);
    }

    private ConfigDocument document(String source, MappingNode mapping, boolean profile) throws ConfigException {
        Optional<Integer> abi = Optional.empty();
        Optional<Boolean> bestEffort = Optional.empty();
        Optional<Boolean> ignoreIfMissing = Optional.empty();
        Optional<Boolean> restrictScoped = Optional.empty();
        Optional<List<FsRule>> fs = Optional.empty();
        Optional<List<NetRule>> net = Optional.empty();
        ConfigDocument parent = null;
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw error(source, tuple.getKeyNode(), null, "keys must be plain words");
            }
            String key = keyNode.getValue();
            if (!seen.add(key)) {
                throw error(source, keyNode, key, "duplicate key");
            }
            Node value = tuple.getValueNode();
            switch (key) {
                case "abi" -> abi = Optional.of(abi(source, key, value));
                case "best-effort" -> bestEffort = Optional.of(bool(source, key, value));
                case "ignore-if-missing" -> ignoreIfMissing = Optional.of(bool(source, key, value));
                case "restrict-scoped" -> restrictScoped = Optional.of(bool(source, key, value));
                case "unsafe-host-runtime" -> {
                    if (bool(source, key, value)) {
                        throw error(source, value, key, "host-runtime discovery is not available in this"
                                + " sandboxec; list the runtime's paths under fs instead");
                    }
                }
                case "mode" -> {
                    String mode = string(source, key, value);
                    if (!mode.equals("run")) {
                        throw error(source, value, key, "mode '" + mode + "' is not available in this sandboxec"
                                + " (available: run)");
                    }
                }
                case "fs" -> fs = Optional.of(rules(source, key, value, text -> {
                    FsRule rule = FsRule.parse(text, environment);
                    return profile ? rule.asOptional() : rule;
                }));
                case "net" -> net = Optional.of(rules(source, key, value, NetRule::parse));
                case "extends" -> {
                    // Bundled profiles only: a profile builds on another one.
                    if (!profile) {
                        throw error(source, keyNode, key, "unknown key (valid: " + String.join(", ", KEYS) + ")");
                    }
                    parent = loadProfile(string(source, key, value));
                }
                default -> throw error(source, keyNode, key, "unknown key (valid: " + String.join(", ", KEYS) + ")");
            }
        }
        ConfigDocument document = new ConfigDocument(source, abi, bestEffort, ignoreIfMissing, restrictScoped, fs,
                net);
        return parent == null ? document : parent.extendedBy(document);
    }

    private static int abi(String source, String key, Node value) throws ConfigException {
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                int abi = Integer.parseInt(scalar.getValue());
                if (abi >= 0) {
                    return abi;
                }
            } catch (NumberFormatException e) {
                // Falls through to the error below: not a small decimal number.
            }
        }
        throw error(source, value, key, "expected a Landlock ABI number, 0 or more");
    }

    private static boolean bool(String source, String key, Node value) throws ConfigException {
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        throw error(source, value, key, "expected true or false");
    }

    private static String string(String source, String key, Node value) throws ConfigException {
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
            return scalar.getValue();
        }
        throw error(source, value, key, "expected a string");
    }

    private static <T> List<T> rules(String source, String key, Node value, Function<String, T> parser)
            throws ConfigException {
        if (!(value instanceof SequenceNode sequence)) {
            throw error(source, value, key, "expected a list of rules");
        }
        List<T> rules = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = string(source, key, item);
            try {
                rules.add(parser.apply(text));
            } catch (InvalidRuleException e) {
                throw error(source, item, key, e.getMessage());
            }
        }
        return rules;
    }

    private static ConfigException error(String source, Node node, String key, String problem) {
        String line = node.getStartMark().map(Mark::getLine).map(l -> ":" + (l + 1)).orElse("");
        return new ConfigException(source + line + ": " + (key == null ? "" : "key '" + key + "': ") + problem);
    }
}
