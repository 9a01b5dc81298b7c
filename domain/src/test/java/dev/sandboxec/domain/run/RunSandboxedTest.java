package dev.sandboxec.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.policy.FsRights;
import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.NetRule;
import dev.sandboxec.domain.policy.Policy;
import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.port.LandlockException;
import dev.sandboxec.domain.port.LandlockUnavailableException;
import dev.sandboxec.domain.port.Reporter;
import dev.sandboxec.domain.run.SandboxException.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class RunSandboxedTest {
    private static final int RULESET = 7;
    private static final List<String> COMMAND = List.of("/usr/bin/true", "arg");

    @Mock
    Kernel kernel;
    @Mock
    FileSystem fileSystem;
    @Mock
    Environment environment;
    @Mock
    Reporter reporter;

    RunSandboxed useCase;

    final Policy policy = new Policy(List.of(new FsRule(FsRights.READ_EXEC, "/usr"), new FsRule(FsRights.READ,
            "/etc/hosts")), List.of(NetRule.parse("c:443")), false, false);

    @BeforeEach
    void kernelWithAbi7() throws LandlockException {
        given(kernel.abiVersion()).willReturn(7);
        given(kernel.createRuleset(anyLong(), anyLong(), anyLong(), eq(Abi.V7))).willReturn(RULESET);
        given(fileSystem.kind("/usr")).willReturn(PathKind.DIRECTORY);
        given(fileSystem.kind("/etc/hosts")).willReturn(PathKind.OTHER);
        given(environment.variable("PATH")).willReturn(Optional.of("/usr/local/bin:/usr/bin"));
        useCase = new RunSandboxed(kernel, fileSystem, environment, reporter);
    }

    private RunRequest request(boolean bestEffort) {
        return new RunRequest(policy, 0, bestEffort, COMMAND);
    }

    @Test
    void givenAbi7_allRulesGoIntoOneRulesetBeforeRestrictAndExec() throws Exception {
        useCase.run(request(false));

        InOrder order = inOrder(kernel);
        order.verify(kernel).createRuleset(0xFFFF, 3, 0, Abi.V7);
        order.verify(kernel).addPathRule(RULESET, "/usr", FsRights.READ_EXEC.mask());
        order.verify(kernel).addPathRule(RULESET, "/etc/hosts", FsRights.READ.mask() & ~(1L << 3));
        order.verify(kernel).addPortRule(RULESET, 443, 2);
        order.verify(kernel).restrictSelfAndExec(RULESET, true, "/usr/bin/true", COMMAND);
        then(reporter).shouldHaveNoInteractions();
    }

    @Test
    void givenABareName_itIsResolvedThroughPathBeforeRestricting() throws Exception {
        given(fileSystem.isExecutableFile("/usr/bin/env")).willReturn(true);

        useCase.run(new RunRequest(policy, 0, false, List.of("env", "-i")));

        then(kernel).should().restrictSelfAndExec(RULESET, true, "/usr/bin/env", List.of("env", "-i"));
    }

    @Test
    void givenAnUnknownName_itIsNotFoundAndNothingIsRestricted() throws Exception {
        assertThatThrownBy(() -> useCase.run(new RunRequest(policy, 0, false, List.of("nope"))))
                .isInstanceOf(SandboxException.class).extracting(e -> ((SandboxException) e).reason())
                .isEqualTo(Reason.NOT_FOUND);
        then(kernel).should(never()).restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
    }

    @Test
    void givenNoLandlock_strictFailsAndTheCommandNeverStarts() throws Exception {
        given(kernel.abiVersion()).willThrow(new LandlockUnavailableException(38, "ENOSYS", "Function not implemented",
                "kernel built without Landlock"));

        assertThatThrownBy(() -> useCase.run(request(false))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("unavailable").hasMessageContaining("kernel built without Landlock");
        then(kernel).should(never()).restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
    }

    @Test
    void givenNoLandlock_bestEffortRunsUnrestrictedWithAWarning() throws Exception {
        given(kernel.abiVersion()).willThrow(new LandlockUnavailableException(95, "EOPNOTSUPP", "Not supported",
                "Landlock is disabled at boot"));

        useCase.run(request(true));

        then(kernel).should(never()).createRuleset(anyLong(), anyLong(), anyLong(), org.mockito.ArgumentMatchers.any());
        then(kernel).should().restrictSelfAndExec(-1, false, "/usr/bin/true", COMMAND);
        then(reporter).should().warn(contains("UNRESTRICTED"));
    }

    @Test
    void givenAbi3AndBestEffort_networkRulesAreSkippedWithOneWarning() throws Exception {
        given(kernel.abiVersion()).willReturn(3);
        given(kernel.createRuleset(anyLong(), anyLong(), anyLong(), eq(Abi.V3))).willReturn(RULESET);

        useCase.run(new RunRequest(policy, 3, true, COMMAND));

        then(kernel).should().createRuleset(0x7FFF, 0, 0, Abi.V3);
        then(kernel).should(never()).addPortRule(anyInt(), anyInt(), anyLong());
        then(reporter).should().warn(contains("network rules (c:443) skipped"));
        then(kernel).should().restrictSelfAndExec(RULESET, false, "/usr/bin/true", COMMAND);
    }

    // Fault injection: every step fails in turn; the command never starts, the message names the step.

    @ParameterizedTest
    @ValueSource(strings = {"EINVAL", "EACCES", "ENOENT", "ENOMEM"})
    void givenAddPathRuleFails_theCommandNeverStarts(String errno) throws Exception {
        org.mockito.BDDMockito.willThrow(error("landlock_add_rule", "/etc/hosts", errno)).given(kernel)
                .addPathRule(RULESET, "/etc/hosts", FsRights.READ.mask() & ~(1L << 3));

        assertSetupFailure("rule r:/etc/hosts", "landlock_add_rule(/etc/hosts): " + errno);
        then(kernel).should().close(RULESET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EINVAL", "EACCES", "ENOMEM"})
    void givenAddPortRuleFails_theCommandNeverStarts(String errno) throws Exception {
        org.mockito.BDDMockito.willThrow(error("landlock_add_rule", "port 443", errno)).given(kernel)
                .addPortRule(RULESET, 443, 2);

        assertSetupFailure("rule c:443", errno);
        then(kernel).should().close(RULESET);
    }

    @Test
    void givenTheAbiQueryFails_theCommandNeverStarts() throws Exception {
        given(kernel.abiVersion()).willThrow(error("landlock_create_ruleset", "", "EINVAL"));

        assertSetupFailure("ABI", "EINVAL");
    }

    @Test
    void givenRulesetCreationFails_theCommandNeverStarts() throws Exception {
        given(kernel.createRuleset(anyLong(), anyLong(), anyLong(), eq(Abi.V7)))
                .willThrow(error("landlock_create_ruleset", "", "ENOMEM"));

        assertSetupFailure("ruleset", "ENOMEM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prctl(PR_SET_NO_NEW_PRIVS)", "seccomp", "landlock_restrict_self", "close_range"})
    void givenRestrictingFails_itIsASetupFailure(String step) throws Exception {
        org.mockito.BDDMockito.willThrow(error(step, "", "EPERM")).given(kernel)
                .restrictSelfAndExec(RULESET, true, "/usr/bin/true", COMMAND);

        assertThatThrownBy(() -> useCase.run(request(false))).isInstanceOf(SandboxException.class)
                .hasMessageContaining(step).extracting(e -> ((SandboxException) e).reason()).isEqualTo(Reason.SETUP);
    }

    @Test
    void givenExecveIsDenied_itCannotExecuteAndTheHintNamesTheXRight() throws Exception {
        org.mockito.BDDMockito.willThrow(error("execve", "/usr/bin/true", "EACCES")).given(kernel)
                .restrictSelfAndExec(RULESET, true, "/usr/bin/true", COMMAND);

        assertThatThrownBy(() -> useCase.run(request(false))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("x right").extracting(e -> ((SandboxException) e).reason())
                .isEqualTo(Reason.CANNOT_EXECUTE);
    }

    @Test
    void givenExecveFindsNothing_itIsNotFound() throws Exception {
        org.mockito.BDDMockito.willThrow(error("execve", "/usr/bin/true", "ENOENT")).given(kernel)
                .restrictSelfAndExec(RULESET, true, "/usr/bin/true", COMMAND);

        assertThatThrownBy(() -> useCase.run(request(false))).extracting(e -> ((SandboxException) e).reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void givenAMissingPath_theKernelIsNeverAskedForARuleset() throws Exception {
        given(fileSystem.kind("/etc/hosts")).willReturn(PathKind.MISSING);

        assertSetupFailure("/etc/hosts", "does not exist");
        then(kernel).should(never()).createRuleset(anyLong(), anyLong(), anyLong(), org.mockito.ArgumentMatchers.any());
    }

    private void assertSetupFailure(String... fragments) throws Exception {
        assertThatThrownBy(() -> useCase.run(request(false))).isInstanceOf(SandboxException.class)
                .satisfies(e -> {
                    assertThat(((SandboxException) e).reason()).isEqualTo(Reason.SETUP);
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
        then(kernel).should(never()).restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
    }

    private static LandlockException error(String syscall, String subject, String errno) {
        return new LandlockException(syscall, subject, 1, errno, "description");
    }
}
