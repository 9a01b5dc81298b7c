package dev.sandboxec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxec.domain.port.LandlockUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Config files, profiles and flags: which wins, observed through --dry-run's
 * JSON, which the test parses back.
 */
class PolicySourcesTest extends CliTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    Path xdg;

    @BeforeEach
    void configHome() throws Exception {
        xdg = Files.createDirectories(tmp.resolve("xdg"));
        given(environment.variable("XDG_CONFIG_HOME")).willReturn(Optional.of(xdg.toString()));
        given(environment.home()).willReturn(Optional.of(tmp.resolve("home").toString()));
    }

    JsonNode dryRun(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--dry-run", "--output", "json"));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "/usr/bin/true"));
        out.getBuffer().setLength(0);
        int code = execute(args.toArray(new String[0]));
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    static List<String> rules(JsonNode plan, String field) {
        List<String> rules = new ArrayList<>();
        plan.get(field).forEach(rule -> rules.add(rule.get("rule").asText()));
        return rules;
    }

    Path config(String yaml) throws IOException {
        return Files.writeString(tmp.resolve("policy.yaml"), yaml);
    }

    static final String FILE = """
            abi: 6
            best-effort: true
            restrict-scoped: true
            fs: [r:/from-file]
            net: [c:1]
            """;

    @Test
    void theFileAppliesWhenNoFlagIsGiven() throws Exception {
        Path file = config(FILE);

        JsonNode plan = dryRun("--config", file.toString());

        assertThat(plan.get("config").asText()).isEqualTo(file.toString());
        assertThat(plan.get("requestedAbi").asInt()).isEqualTo(6);
        assertThat(plan.get("bestEffort").asBoolean()).isTrue();
        assertThat(plan.get("handled").get("scopes")).hasSize(2);
        assertThat(rules(plan, "fsRules")).containsExactly("r:/from-file");
        assertThat(rules(plan, "netRules")).containsExactly("c:1");
    }

    @Test
    void scalarFlagsOverrideTheFile() throws Exception {
        Path file = config(FILE);

        JsonNode plan = dryRun("--config", file.toString(), "--abi", "7", "--no-best-effort", "--no-restrict-scoped");

        assertThat(plan.get("requestedAbi").asInt()).isEqualTo(7);
        assertThat(plan.get("bestEffort").asBoolean()).isFalse();
        assertThat(plan.get("handled").get("scopes")).isEmpty();
        assertThat(rules(plan, "fsRules")).containsExactly("r:/from-file");
    }

    @Test
    void listFlagsReplaceTheFilesLists() throws Exception {
        Path file = config(FILE);

        JsonNode fsOnly = dryRun("--config", file.toString(), "--fs", "rx:/flag");
        assertThat(rules(fsOnly, "fsRules")).containsExactly("rx:/flag");
        assertThat(rules(fsOnly, "netRules")).containsExactly("c:1");

        JsonNode netOnly = dryRun("--config", file.toString(), "--net", "b:2", "--net", "c:3");
        assertThat(rules(netOnly, "fsRules")).containsExactly("r:/from-file");
        assertThat(rules(netOnly, "netRules")).containsExactly("b:2", "c:3");
    }

    @Test
    void aProfilesListsAreExtendedByTheFlags() throws Exception {
        JsonNode plan = dryRun("-C", "net-client", "--fs", "rw:/work", "--net", "c:8443");

        assertThat(plan.get("config").asText()).isEqualTo("profile net-client");
        assertThat(rules(plan, "fsRules")).startsWith("rx:/usr").endsWith("rw:/work").contains("r:/etc/resolv.conf");
        assertThat(rules(plan, "netRules")).containsExactly("c:80", "c:443", "c:8443");
    }

    @Test
    void theLookedUpFileAppliesWithoutConfigButNotWithAProfile() throws Exception {
        Files.createDirectories(xdg.resolve("sandboxec"));
        Path found = Files.writeString(xdg.resolve("sandboxec/sandboxec.yaml"), "fs: [r:/looked-up]\n");

        assertThat(dryRun().get("config").asText()).isEqualTo(found.toString());
        assertThat(rules(dryRun(), "fsRules")).containsExactly("r:/looked-up");
        assertThat(rules(dryRun("-C", "base"), "fsRules")).doesNotContain("r:/looked-up");
        assertThat(rules(dryRun("--fs", "r:/x"), "fsRules")).containsExactly("r:/x");
    }

    @Test
    void withoutAnyFileTheBuiltInDefaultsApply() throws Exception {
        JsonNode plan = dryRun();

        assertThat(plan.get("config").asText()).isEqualTo("none");
        assertThat(plan.get("requestedAbi").asInt()).isZero();
        assertThat(plan.get("bestEffort").asBoolean()).isFalse();
        assertThat(plan.get("fsRules")).isEmpty();
    }

    @Test
    void configAndNamedConfigTogetherExit125() throws Exception {
        Path file = config(FILE);

        assertThat(execute("--config", file.toString(), "-C", "base", "--", "/usr/bin/true")).isEqualTo(125);
        assertThat(err.toString()).startsWith("sandboxec: ").contains("--named-config").hasLineCount(1);
        assertNeverStarted();
    }

    @Test
    void aBadConfigExits125NamingFileLineAndKeyAndRunsNothing() throws Exception {
        Path file = config("fs:\n  - rx:/usr\nnet:\n  - c:99999\n");
        byte[] before = Files.readAllBytes(file);

        assertThat(execute("--config", file.toString(), "--", "/usr/bin/true")).isEqualTo(125);

        assertThat(err.toString()).startsWith("sandboxec: " + file + ":4: key 'net': ").hasLineCount(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertNeverStarted();
    }

    @Test
    void anUnknownProfileExits125ListingTheAvailableOnes() {
        assertThat(execute("-C", "nope", "--", "/usr/bin/true")).isEqualTo(125);
        assertThat(err.toString()).contains("available: base, shell, python, node, java, git, net-client");
    }

    @Test
    void listProfilesPrintsEachWithWhatItIsFor() {
        assertThat(execute("--list-profiles")).isZero();
        assertThat(out.toString().lines()).hasSize(7).allMatch(line -> line.matches("[a-z-]+ +\\S.*"));
    }

    static Stream<Arguments> kernels() {
        return IntStream.of(0, 3, 4, 6, 7).boxed()
                .flatMap(abi -> Stream.of(Arguments.of(abi, false), Arguments.of(abi, true)));
    }

    @ParameterizedTest(name = "kernel ABI {0}, best effort {1}")
    @MethodSource("kernels")
    void dryRunReportsWhatThisKernelWillEnforce(int kernelAbi, boolean bestEffort) throws Exception {
        if (kernelAbi == 0) {
            given(kernel.abiVersion()).willThrow(new LandlockUnavailableException(38, "ENOSYS", "Function not"
                    + " implemented", "this kernel was built without Landlock"));
        } else {
            given(kernel.abiVersion()).willReturn(kernelAbi);
        }
        List<String> args = new ArrayList<>(List.of("--dry-run", "--output", "json", "--fs", "rx:/usr", "--net",
                "c:443", "--restrict-scoped"));
        if (bestEffort) {
            args.add("--best-effort");
        }
        args.addAll(List.of("--", "/usr/bin/true"));

        int code = execute(args.toArray(new String[0]));

        boolean enforceable = kernelAbi >= 6;
        if (!enforceable && !bestEffort) {
            assertThat(code).isEqualTo(125);
            assertThat(err.toString()).startsWith("sandboxec: ").hasLineCount(1);
            return;
        }
        assertThat(code).isZero();
        JsonNode plan = JSON.readTree(out.toString());
        assertThat(plan.get("kernelAbi").asInt()).isEqualTo(kernelAbi);
        assertThat(plan.get("effectiveAbi").asInt()).isEqualTo(kernelAbi);
        assertThat(plan.get("status").asText()).isEqualTo(kernelAbi == 0 ? "not_enforced"
                : kernelAbi >= 6 ? "fully_enforced" : "partially_enforced");
        List<String> dropped = new ArrayList<>();
        plan.get("dropped").forEach(d -> dropped.add(d.get("feature").asText() + "@" + d.get("needsAbi").asInt()));
        if (kernelAbi == 3) {
            assertThat(dropped).contains("network rules (c:443)@4", "--restrict-scoped@6",
                    "filesystem right IOCTL_DEV@5");
            assertThat(plan.get("netRules").get(0).get("granted")).isEmpty();
        }
        if (kernelAbi == 4) {
            assertThat(dropped).containsExactly("filesystem right IOCTL_DEV@5", "--restrict-scoped@6");
            assertThat(plan.get("mptcpBlocked").asBoolean()).isTrue();
        }
        if (kernelAbi >= 6) {
            assertThat(dropped).isEmpty();
            assertThat(plan.get("netRules").get(0).get("granted").get(0).asText()).isEqualTo("CONNECT_TCP");
            assertThat(plan.get("fsRules").get(0).get("granted")).hasSize(3);
        }
        assertNeverStarted();
    }

    @Test
    void dryRunTextNamesStatusRulesAndWhatIsDropped() {
        int code = execute("--dry-run", "--abi", "3", "--best-effort", "--fs", "rx:/usr", "--net", "c:443", "--",
                "/usr/bin/true");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("status         partially enforced")
                .contains("effective ABI  3").contains("rx:/usr").contains("EXECUTE, READ_FILE, READ_DIR")
                .contains("network rules (c:443) skipped: needs Landlock ABI 4 (Linux 6.7)");
    }

    @Test
    void verbosePrintsThePlanSummaryBeforeRunning() throws Exception {
        assertThat(execute("-v", "--fs", "rx:/usr", "--", "/usr/bin/true")).isZero();

        assertThat(err.toString()).contains("sandboxec: Landlock ABI 7 (kernel ABI 7), fully enforced")
                .contains("sandboxec: exec /usr/bin/true");
        then(kernel).should().restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
    }
}
