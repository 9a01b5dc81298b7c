package dev.sandboxec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.port.LandlockException;
import dev.sandboxec.domain.port.LandlockUnavailableException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI against a Mockito kernel: parsing, exit codes and messages, no kernel needed. */
class SandboxecCommandTest extends CliTestSupport {
    @BeforeEach
    void pathAndHome() {
        given(environment.variable("PATH")).willReturn(Optional.of("/usr/bin"));
        given(environment.home()).willReturn(Optional.of("/home/me"));
    }

    @Test
    void rulesAreCumulativeAndTheCommandIsPassedVerbatim() throws Exception {
        int code = execute("-f", "rx:/usr", "--fs", "rw:~/work", "-n", "c:443", "--net", "b:8080", "--",
                "/usr/bin/tool", "--fs", "x");

        assertThat(code).isZero();
        then(kernel).should().addPathRule(3, "/usr", 0b1101); // EXECUTE, READ_FILE, READ_DIR
        then(kernel).should().addPathRule(3, "/home/me/work", 0xFFFE);
        then(kernel).should().addPortRule(3, 443, 2);
        then(kernel).should().addPortRule(3, 8080, 1);
        then(kernel).should().restrictSelfAndExec(3, true, "/usr/bin/tool", List.of("/usr/bin/tool", "--fs", "x"));
    }

    @Test
    void theCommandStartsAtTheFirstPositionalArgument() throws Exception {
        given(fileSystem.isExecutableFile("/usr/bin/echo")).willReturn(true);

        int code = execute("--fs", "rx:/usr", "echo", "--net", "c:1", "--", "-x");

        assertThat(code).isZero();
        then(kernel).should().restrictSelfAndExec(3, true, "/usr/bin/echo",
                List.of("echo", "--net", "c:1", "--", "-x"));
        then(kernel).should(never()).addPortRule(anyInt(), anyInt(), anyLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c:65536", "c:-1", "c:abc", "c:", "c:80-90", "c:*", "c:0x50", "q:80"})
    void badNetRulesExit125WithOneLineNamingTheRule(String rule) throws Exception {
        int code = execute("--net", rule, "--", "/usr/bin/true");

        assertThat(code).isEqualTo(125);
        assertThat(err.toString()).startsWith("sandboxec: ").contains(rule).hasLineCount(1);
        assertNeverStarted();
        then(kernel).should(never()).createRuleset(anyLong(), anyLong(), anyLong(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--abi=x", "--abi=-1", "--fs", "--fs=zz:/usr"})
    void badOptionsExit125WithOneLine(String option) throws Exception {
        int code = execute(option, "/usr/bin/true");

        assertThat(code).isEqualTo(125);
        assertThat(err.toString()).startsWith("sandboxec: ").hasLineCount(1);
        assertNeverStarted();
    }

    @Test
    void noCommandExits125() throws Exception {
        assertThat(execute("--fs", "rx:/usr")).isEqualTo(125);
        assertThat(err.toString()).contains("no command");
        assertNeverStarted();
    }

    @Test
    void withoutLandlockStrictExits125AndNeverStarts() throws Exception {
        given(kernel.abiVersion()).willThrow(new LandlockUnavailableException(38, "ENOSYS",
                "Function not implemented", "this kernel was built without Landlock"));

        int code = execute("--fs", "rx:/usr", "--", "/usr/bin/true");

        assertThat(code).isEqualTo(125);
        assertThat(err.toString()).startsWith("sandboxec: ").contains("unavailable").contains("--best-effort");
        assertNeverStarted();
    }

    @Test
    void withoutLandlockBestEffortRunsWithAWarning() throws Exception {
        given(kernel.abiVersion()).willThrow(new LandlockUnavailableException(95, "EOPNOTSUPP", "Not supported",
                "Landlock is disabled at boot"));

        int code = execute("--best-effort", "--fs", "rx:/usr", "--", "/usr/bin/true");

        assertThat(code).isZero();
        assertThat(err.toString()).startsWith("sandboxec: warning: ").contains("UNRESTRICTED").hasLineCount(1);
        then(kernel).should().restrictSelfAndExec(-1, false, "/usr/bin/true", List.of("/usr/bin/true"));
    }

    @Test
    void abi3WithANetRuleIsRefusedAndBestEffortWarnsOnce() throws Exception {
        assertThat(execute("--abi", "3", "--net", "c:443", "/usr/bin/true")).isEqualTo(125);
        assertThat(err.toString()).contains("ABI 4");
        assertNeverStarted();

        err.getBuffer().setLength(0);
        assertThat(execute("--abi", "3", "--best-effort", "--net", "c:443", "/usr/bin/true")).isZero();
        assertThat(err.toString()).startsWith("sandboxec: warning: network rules (c:443) skipped").hasLineCount(1);
        then(kernel).should().createRuleset(0x7FFF, 0, 0, Abi.V3);
    }

    @Test
    void scopingIsRequestedWithRestrictScoped() throws Exception {
        execute("--restrict-scoped", "/usr/bin/true");

        then(kernel).should().createRuleset(0xFFFF, 3, 3, Abi.V7);
    }

    @Test
    void executionFailuresMapToCoreutilsExitCodes() throws Exception {
        org.mockito.BDDMockito.willThrow(new LandlockException("execve", "/usr/bin/true", 13, "EACCES",
                "Permission denied")).given(kernel).restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
        assertThat(execute("/usr/bin/true")).isEqualTo(126);
        assertThat(err.toString()).contains("x right");

        org.mockito.BDDMockito.willThrow(new LandlockException("execve", "/usr/bin/true", 2, "ENOENT",
                "No such file or directory")).given(kernel)
                .restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
        assertThat(execute("/usr/bin/true")).isEqualTo(127);
        assertThat(execute("not-on-the-path")).isEqualTo(127);
    }

    @Test
    void helpShowsUsageBothRightsTablesExamplesAndExitCodes() {
        assertThat(execute("--help")).isZero();

        assertThat(out.toString()).contains("Usage: sandboxec [OPTIONS] [--] COMMAND [ARG...]")
                .contains("read_write_exec").contains("bind_connect").contains("Examples:").contains("125")
                .contains("126").contains("127").contains("--[no-]restrict-scoped").contains("--[no-]ignore-if-missing")
                .contains("--named-config").contains("--dry-run").contains("--list-profiles");
    }

    @Test
    void versionIsPrinted() {
        assertThat(execute("-V")).isZero();
        assertThat(out.toString()).startsWith("sandboxec ");
    }
}
