package dev.sandboxec.it;

import static dev.sandboxec.it.EscapeIT.probe;
import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Landlock does not cover, measured on this kernel and pinned: each test
 * asserts what the kernel does today, so a change shows up here. SECURITY.md
 * states each of them.
 */
class KnownGapsIT {
    @TempDir
    Path tmp;

    @Test
    void codeInAReadableFileRunsThroughTheDynamicLoaderOrAnInterpreter() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ro"));
        Path tool = dir.resolve("tool");
        Files.copy(Path.of("/usr/bin/echo"), tool);
        tool.toFile().setExecutable(true);
        Files.writeString(dir.resolve("script"), "echo from-script\n");

        Result direct = run("--fs", "rx:/usr", "--fs", "r:" + dir, "--", tool.toString(), "x");
        Result loader = run("--fs", "rx:/usr", "--fs", "r:" + dir, "--", "/lib64/ld-linux-x86-64.so.2",
                tool.toString(), "via-loader");
        Result shell = run("--fs", "rx:/usr", "--fs", "r:" + dir, "--", "/usr/bin/sh", dir.resolve("script")
                .toString());

        assertThat(direct.exitCode()).isEqualTo(126);
        assertThat(loader.stdout()).isEqualTo("via-loader\n");
        assertThat(shell.stdout()).isEqualTo("from-script\n");
    }

    @Test
    void listenWithoutBindAutoBindsAnEphemeralPort() {
        assertThat(probe("s = socket.socket(); s.listen(1); print(s.getsockname()[1] > 0)", "--net", "c:1"))
                .isEqualTo("True\nOK");
    }

    @Test
    void udpAndPathnameUnixSocketsBelowTheirAbis() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sock"));
        assertThat(probe("s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0));"
                + " s.sendto(b'x', ('127.0.0.1', 9))")).isEqualTo("OK");
        // A pathname socket is a file: creating one needs MAKE_SOCK on its directory.
        assertThat(probe("socket.socket(socket.AF_UNIX).bind('" + dir.resolve("s") + "')", "--fs", "rw:" + dir))
                .isEqualTo("OK");
    }

    @Test
    void withProcGrantedOtherProcessesEnvironAndMapsAreReadable() throws Exception {
        Process outsider = new ProcessBuilder("/usr/bin/sleep", "60").start();
        try {
            long pid = outsider.pid();
            String environ = probe("open('/proc/" + pid + "/environ', 'rb').read()", "--fs", "r:/proc");
            String maps = probe("open('/proc/" + pid + "/maps').read()", "--fs", "r:/proc");
            String withoutProc = probe("open('/proc/" + pid + "/environ', 'rb').read()");

            // Measured on this machine: read-mode /proc access to an outsider is allowed.
            assertThat(environ).isEqualTo("OK");
            assertThat(maps).isEqualTo("OK");
            assertThat(withoutProc).isEqualTo("EACCES");
        } finally {
            outsider.destroy();
            outsider.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
