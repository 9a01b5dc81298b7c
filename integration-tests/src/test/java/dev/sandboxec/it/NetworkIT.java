package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.python;
import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published network rules (shared/reference/network-rules.txt), on the
 * real kernel: each probe prints OK or the errno the kernel answered.
 */
class NetworkIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path tmp;

    ServerSocket first;
    ServerSocket second;

    @BeforeEach
    void listen() throws IOException {
        first = new ServerSocket(0, 50, LOOPBACK);
        second = new ServerSocket(0, 50, LOOPBACK);
    }

    @AfterEach
    void close() throws IOException {
        first.close();
        second.close();
    }

    static String connect(int port) {
        return "s = socket.socket(); s.connect(('127.0.0.1', " + port + "))";
    }

    static String bind(int port) {
        return "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); "
                + "s.bind(('127.0.0.1', " + port + ")); s.listen(1)";
    }

    static Result probe(String body, String... netRules) {
        List<String> options = new ArrayList<>(List.of("--fs", "rx:/usr"));
        for (String rule : netRules) {
            options.add("--net");
            options.add(rule);
        }
        return run(Args.of(options, python(body)));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void connectRuleAllowsThatPortAndNoOther() {
        int allowed = first.getLocalPort();
        int other = second.getLocalPort();

        assertThat(probe(connect(allowed), "c:" + allowed).out()).isEqualTo("OK");
        assertThat(probe(connect(other), "c:" + allowed).out()).isEqualTo("EACCES");
    }

    @Test
    void withoutNetRulesNoTcpConnectOrBindSucceeds() throws IOException {
        assertThat(probe(connect(first.getLocalPort())).out()).isEqualTo("EACCES");
        assertThat(probe(bind(freePort())).out()).isEqualTo("EACCES");
    }

    @Test
    void bindRuleAllowsBindButNotConnect() throws IOException {
        int port = freePort();

        assertThat(probe(bind(port), "b:" + port).out()).isEqualTo("OK");
        assertThat(probe(connect(first.getLocalPort()), "b:" + first.getLocalPort()).out()).isEqualTo("EACCES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bc", "cb", "bind_connect", "BC", "Bind_Connect"})
    void bindConnectSpellingsAllowBoth(String rights) throws IOException {
        int port = freePort();
        int listening = first.getLocalPort();

        assertThat(probe(bind(port), rights + ":" + port).out()).isEqualTo("OK");
        assertThat(probe(connect(listening), rights + ":" + listening).out()).isEqualTo("OK");
    }

    @Test
    void severalRulesAddUp() {
        int a = first.getLocalPort();
        int b = second.getLocalPort();

        Result result = probe(connect(a) + "\n" + connect(b), "c:" + a, "connect:" + b);

        assertThat(result.out()).isEqualTo("OK");
    }

    @Test
    void portsZeroAndMaximumAreAccepted() {
        Result result = run("--fs", "rx:/usr", "--net", "c:0", "--net", "b:65535", "--", "/usr/bin/true");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c:65536", "c:-1", "c:abc", "c:", "c:80-90", "c:*", "c:0x50", "c: 80", "c:+80",
        "x:80", "80", "c:٨٠"})
    void badNetRulesAreRefusedBeforeAnythingRuns(String rule) {
        Path marker = tmp.resolve("ran");

        Result result = run("--fs", "rx:/usr", "--fs", "rw:" + tmp, "--net", rule, "--", "/usr/bin/touch",
                marker.toString());

        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("sandboxec: ").contains(rule);
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(marker).doesNotExist();
    }

    @Test
    void udpIsNotControlledAsDocumented() {
        Result result = probe("s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0)); "
                + "s.sendto(b'x', ('127.0.0.1', 9))");

        assertThat(result.out()).isEqualTo("OK");
    }

    @Test
    void mptcpSocketsAreRefusedSoProgramsFallBackToTcp() {
        Result result = probe("socket.socket(socket.AF_INET, socket.SOCK_STREAM, 262)", "c:443");

        assertThat(result.out()).isEqualTo("EPROTONOSUPPORT");
    }
}
