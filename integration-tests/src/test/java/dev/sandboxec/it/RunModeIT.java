package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.exec;
import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The run mode end to end, on the real kernel: enforcement, exit codes and a transparent exec. */
class RunModeIT {
    @TempDir
    Path tmp;

    @Test
    void allowedCommandRuns() {
        Result result = run("--fs", "rx:/usr", "--", "/usr/bin/echo", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello\n");
        assertThat(result.stderr()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aot", "cds", "plain", "plain-jdk25"})
    void noJvmWarningReachesTheTerminalWhicheverJvmRuns(String jvm) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("SANDBOXEC_JVM", jvm.replace("-jdk25", ""));
        if (jvm.endsWith("jdk25")) {
            Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
            assumeTrue(Files.isDirectory(jdk25), "no JDK 25 at " + jdk25);
            environment.put("JAVA_HOME", jdk25.toString());
        }

        Result result = Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--", "/usr/bin/echo", jvm);

        assertThat(result.stdout()).isEqualTo(jvm + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void commandStartsAtFirstPositionalAndItsOptionsAreNotParsed() {
        Result result = run("--fs", "rx:/usr", "/usr/bin/echo", "--fs", "-n", "--", "x");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("--fs -n -- x\n");
    }

    @Test
    void bareCommandNameIsResolvedThroughPath() {
        Result result = run("--fs", "rx:/usr", "echo", "found");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("found\n");
    }

    @Test
    void readOutsideTheAllowListIsDeniedByTheKernel() {
        Result denied = run("--fs", "rx:/usr", "--", "/usr/bin/cat", "/etc/hostname");
        Result allowed = run("--fs", "rx:/usr", "--fs", "r:/etc", "--", "/usr/bin/cat", "/etc/hostname");

        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).contains("Permission denied");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.stdout()).isNotEmpty();
    }

    @Test
    void executingWithoutTheXRightExits126WithAHint() {
        Result result = run("--fs", "r:/usr", "--", "/usr/bin/true");

        assertThat(result.exitCode()).isEqualTo(126);
        assertThat(result.stderr()).startsWith("sandboxec: ").contains("EACCES").contains("x right");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void missingCommandExits127() {
        assertThat(run("--fs", "rx:/usr", "--", "/usr/bin/no-such-command").exitCode()).isEqualTo(127);
        assertThat(run("--fs", "rx:/usr", "no-such-command-anywhere").exitCode()).isEqualTo(127);
    }

    @Test
    void foundButNotExecutableExits126() throws IOException {
        Path script = Files.writeString(tmp.resolve("script"), "#!/bin/sh\n");

        Result result = run("--fs", "rx:/usr", "--fs", "rx:" + tmp, "--", script.toString());

        assertThat(result.exitCode()).isEqualTo(126);
    }

    @Test
    void exitStatusAndSignalDeathPassThrough() {
        assertThat(run("--fs", "rx:/usr", "--", "/usr/bin/sh", "-c", "exit 42").exitCode()).isEqualTo(42);
        assertThat(run("--fs", "rx:/usr", "--", "/usr/bin/sh", "-c", "kill -TERM $$").exitCode())
                .isEqualTo(128 + 15);
    }

    @Test
    void standardStreamsPassThrough() {
        Result result = Sandboxec.runWithInput("line one\nline two\n", "--fs", "rx:/usr", "--", "/usr/bin/sh", "-c",
                "cat; echo to-stderr >&2");

        assertThat(result.stdout()).isEqualTo("line one\nline two\n");
        assertThat(result.stderr()).isEqualTo("to-stderr\n");
    }

    @Test
    void commandKeepsThePid() {
        Result result = run("--fs", "rx:/usr", "--", "/usr/bin/sh", "-c", "echo $$");

        assertThat(Long.parseLong(result.out())).isEqualTo(result.pid());
    }

    @Test
    void environmentReachesTheCommandUntouched() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("SANDBOXEC_IT_VALUE", "spaces and = signs, ünïcödé");
        environment.remove("LANG");
        environment.remove("LC_ALL");

        Result direct = exec(environment, null, List.of("/usr/bin/env"));
        Result sandboxed = Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--", "/usr/bin/env");

        assertThat(sandboxed.exitCode()).isZero();
        assertThat(lines(sandboxed.stdout())).isEqualTo(lines(direct.stdout()));
        assertThat(sandboxed.stdout()).contains("SANDBOXEC_IT_VALUE=spaces and = signs, ünïcödé");
    }

    @Test
    void nonAsciiArgumentsPassByteForByteEvenUnderTheCLocale() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("LC_ALL", "C");

        Result result = Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--", "/usr/bin/printf", "%s",
                "žluťoučký kůň");

        assertThat(result.stdout()).isEqualTo("žluťoučký kůň");
    }

    @Test
    void onlyStandardDescriptorsAreInherited() {
        Result result = run("--fs", "rx:/usr", "--fs", "r:/proc", "--", "/usr/bin/ls", "/proc/self/fd");

        // 3 is the directory ls itself opened to list /proc/self/fd.
        assertThat(result.stdout().lines()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void signalStateLimitsAndNoNewPrivsMatchTheCaller() {
        String probe = "grep -E '^(SigBlk|SigIgn|NoNewPrivs):' /proc/self/status; ulimit -Sn; ulimit -Hn";
        // The caller ignores SIGPIPE and lowered its descriptor limit: both must reach the command.
        String caller = "trap '' PIPE; ulimit -Sn 777; exec \"$@\"";

        Result direct = exec(null, null, List.of("/usr/bin/bash", "-c", caller, "caller", "/usr/bin/sh", "-c", probe));
        Result sandboxed = exec(null, null, List.of("/usr/bin/bash", "-c", caller, "caller",
                Sandboxec.LAUNCHER.toString(), "--fs", "rx:/usr", "--fs", "r:/proc", "--", "/usr/bin/sh", "-c", probe));

        assertThat(sandboxed.exitCode()).isZero();
        assertThat(sandboxed.stdout()).contains("NoNewPrivs:\t1").contains("777");
        assertThat(sandboxed.stdout().replace("NoNewPrivs:\t1", "NoNewPrivs:\t0"))
                .isEqualTo(direct.stdout().replace("NoNewPrivs:\t1", "NoNewPrivs:\t0"));
        long sigIgn = direct.stdout().lines().filter(line -> line.startsWith("SigIgn:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring(7).strip(), 16)).findFirst().orElseThrow();
        assertThat(sigIgn & (1L << (13 - 1))).as("SIGPIPE ignored by the caller").isNotZero();
    }

    @Test
    void missingPathIsAnErrorUnlessIgnored() {
        Path marker = tmp.resolve("ran");
        Result strict = run("--fs", "rx:/usr", "--fs", "rw:" + tmp, "--fs", "r:" + tmp.resolve("absent"), "--",
                "/usr/bin/touch", marker.toString());
        assertThat(strict.exitCode()).isEqualTo(125);
        assertThat(strict.stderr()).startsWith("sandboxec: ").contains(tmp.resolve("absent").toString());
        assertThat(marker).doesNotExist();

        Result ignored = run("--fs", "rx:/usr", "--fs", "rw:" + tmp, "--fs", "r:" + tmp.resolve("absent"),
                "--ignore-if-missing", "--", "/usr/bin/touch", marker.toString());
        assertThat(ignored.exitCode()).isZero();
        assertThat(marker).exists();
    }

    private static Map<String, String> lines(String env) {
        Map<String, String> map = new TreeMap<>();
        env.lines().forEach(line -> {
            int eq = line.indexOf('=');
            map.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
        });
        return map;
    }
}
