package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.python;
import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** --abi, --best-effort and --restrict-scoped on the real kernel. */
class AbiAndScopeIT {
    @Test
    void abi3WithANetRuleIsRefusedNamingAbi4() {
        Result result = run("--abi", "3", "--fs", "rx:/usr", "--net", "c:443", "--", "/usr/bin/true");

        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("sandboxec: ").contains("ABI 4");
    }

    @Test
    void abi3WithBestEffortSkipsNetworkRulesWithOneWarningAndKeepsTheFilesystem() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Connect to a port no rule names, say so, then read a file no rule names.
            String body = "s = socket.socket(); s.connect(('127.0.0.1', " + server.getLocalPort() + "))\n"
                    + "print('connected', flush=True)\n"
                    + "open('/etc/hostname').read()";

            Result bestEffort = run(Args.of(List.of("--abi", "3", "--best-effort", "--fs", "rx:/usr", "--net",
                    "c:1"), python(body)));
            Result enforced = run(Args.of(List.of("--fs", "rx:/usr", "--net", "c:1"), python(body)));

            // ABI 3: the network is unrestricted, the filesystem still enforced.
            assertThat(bestEffort.out()).isEqualTo("connected\nEACCES");
            assertThat(bestEffort.stderr().lines()).hasSize(1);
            assertThat(bestEffort.stderr()).startsWith("sandboxec: warning: ").contains("network rules")
                    .contains("ABI 4");
            // The same policy at the kernel's ABI: the connect itself is denied.
            assertThat(enforced.out()).isEqualTo("EACCES");
        }
    }

    @Test
    void abiAboveTheKernelIsRefusedUnlessBestEffort() {
        Result strict = run("--abi", "99", "--fs", "rx:/usr", "--", "/usr/bin/true");
        Result bestEffort = run("--abi", "99", "--best-effort", "--fs", "rx:/usr", "--", "/usr/bin/true");

        assertThat(strict.exitCode()).isEqualTo(125);
        assertThat(strict.stderr()).startsWith("sandboxec: ").contains("--abi 99");
        assertThat(bestEffort.exitCode()).as(bestEffort.stderr()).isZero();
    }

    @Test
    void restrictScopedStopsSignalsToProcessesOutside() throws Exception {
        Process outsider = new ProcessBuilder("/usr/bin/sleep", "60").start();
        try {
            String body = "os.kill(" + outsider.pid() + ", 0)";

            Result scoped = run(Args.of(List.of("--restrict-scoped", "--fs", "rx:/usr"), python(body)));
            Result unscoped = run(Args.of(List.of("--fs", "rx:/usr"), python(body)));

            assertThat(scoped.out()).isEqualTo("EPERM");
            assertThat(unscoped.out()).isEqualTo("OK");
            assertThat(outsider.isAlive()).isTrue();
        } finally {
            outsider.destroy();
            outsider.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void restrictScopedStillAllowsSignalsInsideTheSandbox() {
        Result result = run("--restrict-scoped", "--fs", "rx:/usr", "--", "/usr/bin/sh", "-c",
                "/usr/bin/sleep 30 & kill $! && wait $!; echo $?");

        assertThat(result.out()).isEqualTo("143");
    }
}
