package dev.sandboxec.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.landlock.FsAccess;
import dev.sandboxec.domain.policy.FsRights;
import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AbiNegotiationTest {
    /** handled_access_fs per ABI, as the kernel documents it (index = ABI). */
    private static final long[] HANDLED_FS = {0, 0x1FFF, 0x3FFF, 0x7FFF, 0x7FFF, 0xFFFF, 0xFFFF, 0xFFFF};

    private static final PathTarget USR = new PathTarget(new FsRule(FsRights.READ_EXEC, "/usr"), PathKind.DIRECTORY);
    private static final PathTarget FILE = new PathTarget(new FsRule(FsRights.READ_WRITE_EXEC, "/etc/hosts"),
            PathKind.OTHER);
    private static final List<NetRule> NET = List.of(NetRule.parse("c:443"), NetRule.parse("b:8080"));

    static Stream<Arguments> everyAbiInBothModes() {
        return IntStream.rangeClosed(0, 7).boxed()
                .flatMap(abi -> Stream.of(Arguments.of(abi, false), Arguments.of(abi, true)));
    }

    private static NegotiationInput input(int kernel, int requested, boolean bestEffort, List<NetRule> net,
            boolean scoped) {
        return new NegotiationInput(kernel, requested, bestEffort, List.of(USR, FILE), net, scoped, false);
    }

    @ParameterizedTest(name = "kernel ABI {0}, best effort {1}")
    @MethodSource("everyAbiInBothModes")
    void filesystemOnlyPolicy(int kernel, boolean bestEffort) throws Exception {
        NegotiationInput in = input(kernel, 0, bestEffort, List.of(), false);
        if (kernel == 0 && !bestEffort) {
            assertThatThrownBy(() -> AbiNegotiation.negotiate(in)).isInstanceOf(PolicyNotEnforceableException.class)
                    .hasMessageContaining("Landlock is unavailable").hasMessageContaining("--best-effort");
            return;
        }
        RulesetPlan plan = AbiNegotiation.negotiate(in);

        assertThat(plan.effective().version()).isEqualTo(kernel);
        assertThat(plan.handledFs()).isEqualTo(HANDLED_FS[kernel]);
        assertThat(plan.handledNet()).isEqualTo(kernel >= 4 ? 3 : 0);
        assertThat(plan.blockMptcp()).isEqualTo(kernel >= 4);
        assertThat(plan.scoped()).isZero();
        if (kernel == 0) {
            assertThat(plan.status()).isEqualTo(Status.NOT_ENFORCED);
            assertThat(plan.restricts()).isFalse();
            assertThat(plan.pathRules()).isEmpty();
            return;
        }
        assertThat(plan.pathRules()).hasSize(2);
        assertThat(plan.pathRules().get(0).granted()).isEqualTo(FsRights.READ_EXEC.mask());
        // rwx on a file keeps the file rights the ABI handles.
        long fileRights = FsAccess.EXECUTE.bit() | FsAccess.WRITE_FILE.bit() | FsAccess.READ_FILE.bit()
                | (kernel >= 3 ? FsAccess.TRUNCATE.bit() : 0) | (kernel >= 5 ? FsAccess.IOCTL_DEV.bit() : 0);
        assertThat(plan.pathRules().get(1).granted()).isEqualTo(fileRights);
        assertThat(plan.pathRules().get(1).directory()).isFalse();
        // Below ABI 5 some rights cannot be restricted at all: said, not hidden.
        List<String> features = plan.dropped().stream().map(Dropped::feature).toList();
        assertThat(features.contains("filesystem right REFER")).isEqualTo(kernel < 2);
        assertThat(features.contains("filesystem right TRUNCATE")).isEqualTo(kernel < 3);
        assertThat(features.contains("TCP restriction")).isEqualTo(kernel < 4);
        assertThat(features.contains("filesystem right IOCTL_DEV")).isEqualTo(kernel < 5);
        assertThat(plan.status()).isEqualTo(kernel >= 5 ? Status.FULLY_ENFORCED : Status.PARTIALLY_ENFORCED);
    }

    @ParameterizedTest(name = "kernel ABI {0}, best effort {1}")
    @MethodSource("everyAbiInBothModes")
    void networkRules(int kernel, boolean bestEffort) throws Exception {
        NegotiationInput in = input(kernel, 0, bestEffort, NET, false);
        if (!bestEffort && kernel < 4) {
            assertThatThrownBy(() -> AbiNegotiation.negotiate(in)).isInstanceOf(PolicyNotEnforceableException.class)
                    .hasMessageContaining(kernel == 0 ? "unavailable" : "ABI 4");
            return;
        }
        RulesetPlan plan = AbiNegotiation.negotiate(in);

        if (kernel >= 4) {
            assertThat(plan.portRules()).extracting(PlannedPortRule::granted).containsExactly(2L, 1L);
            assertThat(plan.dropped()).noneMatch(d -> d.feature().startsWith("network rules"));
        } else {
            assertThat(plan.portRules()).isEmpty();
            assertThat(plan.handledNet()).isZero();
            if (kernel > 0) {
                assertThat(plan.dropped()).anyMatch(d -> d.feature().equals("network rules (c:443, b:8080)")
                        && d.needs() == Abi.V4);
            }
        }
    }

    @ParameterizedTest(name = "kernel ABI {0}, best effort {1}")
    @MethodSource("everyAbiInBothModes")
    void restrictScoped(int kernel, boolean bestEffort) throws Exception {
        NegotiationInput in = input(kernel, 0, bestEffort, List.of(), true);
        if (!bestEffort && kernel < 6) {
            assertThatThrownBy(() -> AbiNegotiation.negotiate(in)).isInstanceOf(PolicyNotEnforceableException.class)
                    .hasMessageContaining(kernel == 0 ? "unavailable" : "ABI 6");
            return;
        }
        RulesetPlan plan = AbiNegotiation.negotiate(in);

        assertThat(plan.scoped()).isEqualTo(kernel >= 6 ? 3 : 0);
        assertThat(plan.dropped().stream().anyMatch(d -> d.feature().equals("--restrict-scoped")))
                .isEqualTo(kernel > 0 && kernel < 6);
    }

    @ParameterizedTest(name = "requested ABI {0}")
    @MethodSource("requestedBelowKernel")
    void anExplicitAbiAtOrBelowTheKernelIsUsedExactlyAndQuietly(int requested) throws Exception {
        RulesetPlan plan = AbiNegotiation.negotiate(input(7, requested, false, List.of(), false));

        assertThat(plan.effective().version()).isEqualTo(requested);
        assertThat(plan.handledFs()).isEqualTo(HANDLED_FS[requested]);
        assertThat(plan.dropped()).isEmpty();
        assertThat(plan.status()).isEqualTo(Status.FULLY_ENFORCED);
    }

    static IntStream requestedBelowKernel() {
        return IntStream.rangeClosed(1, 7);
    }

    @Test
    void abi3WithNetRulesIsRefusedInStrictModeNamingAbi4() {
        assertThatThrownBy(() -> AbiNegotiation.negotiate(input(7, 3, false, NET, false)))
                .hasMessageContaining("ABI 4").hasMessageContaining("Linux 6.7").hasMessageContaining("kernel ABI 7");
    }

    @Test
    void abi3WithNetRulesInBestEffortSkipsOnlyTheNetwork() throws Exception {
        RulesetPlan plan = AbiNegotiation.negotiate(input(7, 3, true, NET, false));

        assertThat(plan.effective()).isEqualTo(Abi.V3);
        assertThat(plan.handledNet()).isZero();
        assertThat(plan.handledFs()).isEqualTo(HANDLED_FS[3]);
        assertThat(plan.dropped()).hasSize(1);
        assertThat(plan.dropped().get(0).describe(7, Abi.V3)).contains("network rules").contains("ABI 4")
                .contains("kernel ABI 7");
        assertThat(plan.status()).isEqualTo(Status.PARTIALLY_ENFORCED);
    }

    @Test
    void anAbiAboveTheKernelIsRefusedUnlessBestEffort() throws Exception {
        assertThatThrownBy(() -> AbiNegotiation.negotiate(input(5, 6, false, List.of(), false)))
                .hasMessageContaining("--abi 6").hasMessageContaining("ABI 5");

        RulesetPlan plan = AbiNegotiation.negotiate(input(5, 6, true, List.of(), false));
        assertThat(plan.effective()).isEqualTo(Abi.V5);
    }

    @Test
    void anAbiUnknownToThisBuildIsLoweredInBestEffort() throws Exception {
        assertThatThrownBy(() -> AbiNegotiation.negotiate(input(9, 8, false, List.of(), false)))
                .hasMessageContaining("unknown");
        assertThat(AbiNegotiation.negotiate(input(9, 8, true, List.of(), false)).effective()).isEqualTo(Abi.V7);
        assertThat(AbiNegotiation.negotiate(input(9, 0, false, List.of(), false)).effective()).isEqualTo(Abi.V7);
    }

    @Test
    void missingPathsFailUnlessIgnored() throws Exception {
        PathTarget missing = new PathTarget(new FsRule(FsRights.READ, "/nope"), PathKind.MISSING);

        assertThatThrownBy(() -> AbiNegotiation.negotiate(new NegotiationInput(7, 0, true, List.of(USR, missing),
                List.of(), false, false))).hasMessageContaining("/nope").hasMessageContaining("--ignore-if-missing");

        RulesetPlan plan = AbiNegotiation.negotiate(new NegotiationInput(7, 0, false, List.of(USR, missing),
                List.of(), false, true));
        assertThat(plan.pathRules()).extracting(rule -> rule.rule().path()).containsExactly("/usr");
        assertThat(plan.skipped()).singleElement().asString().contains("/nope");
        assertThat(plan.status()).isEqualTo(Status.FULLY_ENFORCED);
    }

    @Test
    void noRuleAtAllStillHandlesEverything() throws Exception {
        RulesetPlan plan = AbiNegotiation.negotiate(new NegotiationInput(7, 0, false, List.of(), List.of(), false,
                false));

        assertThat(plan.handledFs()).isEqualTo(HANDLED_FS[7]);
        assertThat(plan.handledNet()).isEqualTo(3);
        assertThat(plan.pathRules()).isEmpty();
        assertThat(plan.portRules()).isEmpty();
    }
}
