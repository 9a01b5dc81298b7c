package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.exec;
import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bundled profile runs a real program: one thing it may do, one it may not. Config files end to end. */
class ProfilesAndConfigIT {
    @TempDir
    Path tmp;

    static void assumeProgram(String path) {
        assumeTrue(Files.isExecutable(Path.of(path)), path + " is not installed");
    }

    @Test
    void baseRunsSystemToolsButReadsNoHomeAndWritesNothing() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret"), "secret");

        Result allowed = run("-C", "base", "--", "/usr/bin/date", "-u", "+%Y");
        Result denied = run("-C", "base", "--", "/usr/bin/cat", secret.toString());
        Result write = run("-C", "base", "--", "/usr/bin/touch", tmp.resolve("new").toString());

        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(denied.stderr()).contains("Permission denied");
        assertThat(write.exitCode()).isNotZero();
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void shellRunsScriptsButCannotWriteOutside() {
        Result result = run("-C", "shell", "--", "/usr/bin/sh", "-c",
                "echo started; echo x > '" + tmp.resolve("out") + "'");

        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.stderr()).contains("Permission denied");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void pythonRunsAndImportsSslButCannotReadShadow() {
        assumeProgram("/usr/bin/python3");

        Result allowed = run("-C", "python", "--", "/usr/bin/python3", "-c", "import ssl, json; print('ok')");
        Result denied = run("-C", "python", "--", "/usr/bin/python3", "-c", "open('/etc/shadow').read()");

        assertThat(allowed.out()).isEqualTo("ok");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("PermissionError");
    }

    @Test
    void nodeStartsButCannotReadOutside() throws IOException {
        assumeProgram("/usr/bin/node");
        Path secret = Files.writeString(tmp.resolve("secret"), "secret");

        Result allowed = run("-C", "node", "--", "/usr/bin/node", "-e", "console.log(1 + 1)");
        Result denied = run("-C", "node", "--", "/usr/bin/node", "-e",
                "require('fs').readFileSync('" + secret + "')");

        assertThat(allowed.out()).isEqualTo("2");
        assertThat(denied.stderr()).contains("EACCES");
    }

    @Test
    void javaRunsButCannotOpenAJarOutside() throws IOException {
        assumeProgram("/usr/bin/java");
        Path jar = Files.write(tmp.resolve("app.jar"), new byte[] {'P', 'K'});

        Result allowed = run("-C", "java", "--", "/usr/bin/java", "-XX:-UsePerfData", "-version");
        Result denied = run("-C", "java", "--", "/usr/bin/java", "-XX:-UsePerfData", "-jar", jar.toString());

        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(allowed.stderr()).contains("version");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("Unable to access jarfile");
    }

    @Test
    void gitWorksInTheCurrentDirectoryOnly() throws IOException {
        assumeProgram("/usr/bin/git");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        assertThat(exec(null, null, List.of("/usr/bin/git", "init", "-q", repo.toString())).exitCode()).isZero();
        assertThat(exec(null, null, List.of("/usr/bin/git", "init", "-q", other.toString())).exitCode()).isZero();
        Files.writeString(repo.resolve("file"), "content");

        List<String> inRepo = List.of("/usr/bin/sh", "-c", "cd '" + repo + "' && exec \"$0\" \"$@\"",
                Sandboxec.LAUNCHER.toString(), "-C", "git", "--", "/usr/bin/git", "add", "file");
        Result allowed = exec(null, null, inRepo);
        Result denied = exec(null, null, List.of("/usr/bin/sh", "-c", "cd '" + repo + "' && exec \"$0\" \"$@\"",
                Sandboxec.LAUNCHER.toString(), "-C", "git", "--", "/usr/bin/git", "-C", other.toString(), "status"));

        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(repo.resolve(".git/index")).exists();
        assertThat(denied.exitCode()).isNotZero();
    }

    @Test
    void netClientConnectsToPort80ButNoOtherPort() throws Exception {
        assumeProgram("/usr/bin/curl");
        ServerSocket http;
        try {
            http = new ServerSocket();
            http.setReuseAddress(true);
            http.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 80));
        } catch (IOException e) {
            assumeTrue(false, "cannot listen on port 80 here (needs root or CAP_NET_BIND_SERVICE): " + e);
            return;
        }
        AtomicBoolean served = new AtomicBoolean();
        Thread server = new Thread(() -> {
            try (var socket = http.accept(); OutputStream out = socket.getOutputStream()) {
                socket.getInputStream().read(new byte[1024]);
                out.write("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII));
                served.set(true);
            } catch (IOException ignored) {
                // The test's assertions report what happened.
            }
        });
        server.start();
        try (http; ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result allowed = run("-C", "net-client", "--", "/usr/bin/curl", "-sS", "http://127.0.0.1:80/");
            Result denied = run("-C", "net-client", "--", "/usr/bin/curl", "-sS",
                    "http://127.0.0.1:" + other.getLocalPort() + "/");

            assertThat(allowed.stdout()).as(allowed.stderr()).isEqualTo("hello");
            assertThat(served).isTrue();
            // The other port is listening, so "couldn't connect" (curl's 7) is the sandbox's denial.
            assertThat(denied.exitCode()).isEqualTo(7);
            assertThat(denied.stderr()).contains("Couldn't connect");
        } finally {
            server.join(5000);
        }
    }

    @Test
    void dryRunOnTheRealKernelReportsJsonAndRunsNothing() throws IOException {
        Path marker = tmp.resolve("ran");

        Result result = run("--dry-run", "--output", "json", "--fs", "rx:/usr", "--fs", "rw:" + tmp, "--net",
                "c:443", "--", "/usr/bin/touch", marker.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode plan = new ObjectMapper().readTree(result.stdout());
        assertThat(plan.get("kernelAbi").asInt()).isPositive();
        assertThat(plan.get("command").get("executable").asText()).isEqualTo("/usr/bin/touch");
        assertThat(plan.get("fsRules")).hasSize(2);
        assertThat(plan.get("status").asText()).isIn("fully_enforced", "partially_enforced");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aConfigFileIsEnforcedAndFlagsOverrideIt() throws IOException {
        Path data = Files.writeString(tmp.resolve("data"), "data");
        Path config = Files.writeString(tmp.resolve("policy.yaml"), "fs:\n  - rx:/usr\n  - r:" + data + "\n");

        Result allowed = run("--config", config.toString(), "--", "/usr/bin/cat", data.toString());
        Result replaced = run("--config", config.toString(), "--fs", "rx:/usr", "--", "/usr/bin/cat",
                data.toString());

        assertThat(allowed.stdout()).isEqualTo("data");
        assertThat(replaced.stderr()).contains("Permission denied");
    }

    @Test
    void aLookedUpConfigApplies() throws IOException {
        Path xdg = Files.createDirectories(tmp.resolve("xdg/sandboxec"));
        Path data = Files.writeString(tmp.resolve("data"), "found");
        Files.writeString(xdg.resolve("sandboxec.yml"), "fs: [rx:/usr, r:" + data + "]\n");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());

        Result result = Sandboxec.runWithEnvironment(environment, "--", "/usr/bin/cat", data.toString());

        assertThat(result.stdout()).isEqualTo("found");
    }

    @Test
    void aBadConfigRunsNothingAndChangesNothing() throws IOException {
        Path marker = tmp.resolve("ran");
        Path config = Files.writeString(tmp.resolve("bad.yaml"), "fs:\n  - rw:" + tmp + "\nabi: x\n");
        byte[] before = Files.readAllBytes(config);

        Result result = run("--config", config.toString(), "--", "/usr/bin/touch", marker.toString());

        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("sandboxec: " + config + ":3: key 'abi': expected a Landlock ABI"
                + " number, 0 or more\n");
        assertThat(marker).doesNotExist();
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        try (var files = Files.list(tmp)) {
            assertThat(files).hasSize(1);
        }
    }
}
