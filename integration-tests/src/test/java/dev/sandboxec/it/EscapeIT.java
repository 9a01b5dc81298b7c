package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.exec;
import static dev.sandboxec.it.Sandboxec.python;
import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile program would try, on the real kernel. Every attempt checks
 * the kernel's own answer (the errno) and that nothing changed on disk.
 */
class EscapeIT extends TreeFixture {
    /** Runs a Python probe with rx:/usr plus the given options; returns what it printed. */
    static String probe(String body, String... options) {
        List<String> all = new ArrayList<>(List.of("--fs", "rx:/usr"));
        all.addAll(List.of(options));
        Result result = run(Args.of(all, python(body)));
        assertThat(result.stderr()).as("probe stderr").doesNotContain("Traceback");
        return result.out();
    }

    static String q(Path path) {
        return "'" + path + "'";
    }

    // Filesystem

    @Test
    void symlinkOutOfAnAllowedDirectory() throws IOException {
        Files.createSymbolicLink(rw.resolve("link"), outside.resolve("secret"));

        assertThat(probe("open(" + q(rw.resolve("link")) + ").read()", "--fs", "rw:" + rw)).isEqualTo("EACCES");
    }

    @Test
    void hardLinkOfAFileOutsideIntoAnAllowedDirectory() {
        String result = probe("os.link(" + q(outside.resolve("secret")) + ", " + q(rw.resolve("stolen")) + ")",
                "--fs", "rw:" + rw);

        assertThat(result).isIn("EXDEV", "EACCES");
        assertThat(rw.resolve("stolen")).doesNotExist();
    }

    @Test
    void renameIntoADirectoryThatWouldGiveTheFileMoreRights() throws IOException {
        Path exec = Files.createDirectories(tmp.resolve("exec"));
        Files.writeString(rw.resolve("payload"), "payload");

        String rename = probe("os.rename(" + q(rw.resolve("payload")) + ", " + q(exec.resolve("payload")) + ")",
                "--fs", "rw:" + rw, "--fs", "rwx:" + exec);
        String link = probe("os.link(" + q(rw.resolve("payload")) + ", " + q(exec.resolve("linked")) + ")",
                "--fs", "rw:" + rw, "--fs", "rwx:" + exec);

        assertThat(rename).isEqualTo("EXDEV");
        assertThat(link).isEqualTo("EXDEV");
        assertThat(rw.resolve("payload")).exists();
        assertThat(exec.resolve("payload")).doesNotExist();
        assertThat(exec.resolve("linked")).doesNotExist();
    }

    @Test
    void procSelfRootDoesNotLeadOutside() {
        assertThat(probe("open('/proc/self/root" + outside.resolve("secret") + "').read()", "--fs", "r:/proc"))
                .isEqualTo("EACCES");
    }

    @Test
    void procCwdAndRootOfAProcessOutside() throws Exception {
        Process outsider = new ProcessBuilder("/usr/bin/sleep", "60").directory(outside.toFile()).start();
        try {
            long pid = outsider.pid();
            assertThat(probe("os.listdir('/proc/" + pid + "/cwd')", "--fs", "r:/proc")).isEqualTo("EACCES");
            assertThat(probe("open('/proc/" + pid + "/root" + outside.resolve("secret") + "').read()", "--fs",
                    "r:/proc")).isEqualTo("EACCES");
        } finally {
            outsider.destroy();
            outsider.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void noDescriptorIsInheritedEvenWhenTheCallerPassesOne() {
        String body = "bad = [fd for fd in range(3, 1024) if os.path.exists('/proc/self/fd/%d' % fd)"
                + " and fd != os.open('/dev/null', os.O_RDONLY)]\n"
                + "os.fstat(3)";
        Result result = exec(null, null, List.of("/usr/bin/bash", "-c", "exec 3<" + q(outside) + "; exec \"$@\"",
                "caller", Sandboxec.LAUNCHER.toString(), "--fs", "rx:/usr", "--fs", "rw:/dev/null", "--",
                python(body)[0], python(body)[1], python(body)[2], python(body)[3], python(body)[4]));

        assertThat(result.out()).isEqualTo("EBADF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"os.mkfifo(P)", "os.mknod(P, 0o600 | 0o020000, os.makedev(1, 3))",
        "socket.socket(socket.AF_UNIX).bind(P)", "os.symlink('/etc/passwd', P)", "os.mkdir(P)",
        "open(P, 'w')"})
    void creatingAnythingInAReadOnlyDirectory(String create) {
        String result = probe(create.replace("P", q(ro.resolve("new"))), "--fs", "r:" + ro);

        // Creating a device needs CAP_MKNOD first: EPERM without it, EACCES from Landlock with it.
        assertThat(result).isIn("EACCES", create.contains("mknod(") ? "EPERM" : "EACCES");
        assertThat(ro.resolve("new")).doesNotExist();
    }

    @Test
    void truncateWithoutWrite() throws IOException {
        assertThat(probe("os.truncate(" + q(ro.resolve("file")) + ", 0)", "--fs", "r:" + ro)).isEqualTo("EACCES");
        assertThat(ro.resolve("file")).hasContent("read-only content");
    }

    @Test
    void ioctlOnADeviceWithoutTheRight() {
        String ioctl = "import fcntl, termios\nfd = os.open('/dev/null', os.O_RDONLY)\n"
                + "fcntl.ioctl(fd, termios.TCGETS, bytes(64))";

        // r grants no IOCTL_DEV (ABI 5): Landlock answers. rw grants it: the driver answers.
        assertThat(probe(ioctl, "--fs", "r:/dev/null")).isEqualTo("EACCES");
        assertThat(probe(ioctl, "--fs", "rw:/dev/null")).isEqualTo("ENOTTY");
    }

    @Test
    void executingAFileFromAReadOnlyDirectory() throws IOException {
        Path tool = ro.resolve("tool");
        Files.copy(Path.of("/usr/bin/true"), tool);
        tool.toFile().setExecutable(true);

        assertThat(probe("os.execv(" + q(tool) + ", ['tool'])", "--fs", "r:" + ro)).isEqualTo("EACCES");
        assertThat(run("--fs", "rx:/usr", "--fs", "r:" + ro, "--", tool.toString()).exitCode()).isEqualTo(126);
    }

    // Privilege

    @Test
    void ptraceAttachToAProcessOutside() throws Exception {
        Process outsider = new ProcessBuilder("/usr/bin/sleep", "60").start();
        try {
            String body = "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
                    + "if libc.ptrace(16, " + outsider.pid() + ", 0, 0) != 0:\n"
                    + "    raise OSError(ctypes.get_errno(), 'ptrace')";

            assertThat(probe(body)).isEqualTo("EPERM");
            assertThat(outsider.isAlive()).isTrue();
        } finally {
            outsider.destroy();
            outsider.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void mountUmountAndPivotRootEvenInNewNamespaces(boolean unshare) {
        String body = "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
                + "def check(rc, name):\n"
                + "    if rc != 0:\n"
                + "        raise OSError(ctypes.get_errno(), name)\n"
                + (unshare ? "check(libc.unshare(0x10000000 | 0x00020000), 'unshare')\n" : "")
                + "results = []\n"
                + "for call in (lambda: libc.mount(b'none', b'" + rw + "', b'tmpfs', 0, None),"
                + " lambda: libc.umount2(b'/proc', 2),"
                + " lambda: libc.syscall(155, b'" + rw + "', b'" + rw + "')):\n"
                + "    results.append('ok' if call() == 0 else errno.errorcode[ctypes.get_errno()])\n"
                + "print(' '.join(results))\n"
                + "sys.exit(0)";

        Result result = run(Args.of(List.of("--fs", "rx:/usr", "--fs", "rw:" + rw), python(body)));

        // In a new user namespace the inherited /proc mount is locked: the kernel
        // refuses its umount with EINVAL before Landlock is asked.
        assertThat(result.out()).as(result.stderr()).matches(unshare ? "EPERM (EPERM|EINVAL) EPERM"
                : "EPERM EPERM EPERM");
    }

    // Network

    @Test
    void connectToADeniedPortOverEveryAddressFamily() throws IOException {
        try (ServerSocket v4 = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = v4.getLocalPort();
            assertThat(probe("socket.create_connection(('127.0.0.1', " + port + "))", "--net", "c:1"))
                    .isEqualTo("EACCES");
            assertThat(probe("s = socket.socket(socket.AF_INET6); s.connect(('::ffff:127.0.0.1', " + port + "))",
                    "--net", "c:1")).isEqualTo("EACCES");
        }
        InetAddress loopback6 = InetAddress.getByName("::1");
        ServerSocket v6;
        try {
            v6 = new ServerSocket();
            v6.bind(new InetSocketAddress(loopback6, 0));
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e);
            return;
        }
        try (v6) {
            assertThat(loopback6).isInstanceOf(Inet6Address.class);
            assertThat(probe("s = socket.socket(socket.AF_INET6); s.connect(('::1', " + v6.getLocalPort() + "))",
                    "--net", "c:1")).isEqualTo("EACCES");
        }
    }

    @Test
    void bindToADeniedPortAndToTheEphemeralPort() {
        assertThat(probe("socket.socket().bind(('127.0.0.1', 0))", "--net", "b:1")).isEqualTo("EACCES");
        assertThat(probe("socket.socket().bind(('127.0.0.1', 40123))", "--net", "b:1")).isEqualTo("EACCES");
        assertThat(probe("socket.socket().bind(('127.0.0.1', 0))", "--net", "b:0")).isEqualTo("OK");
    }

    @Test
    void mptcpIsRefusedSoItCannotBypassTheTcpRules() {
        assertThat(probe("socket.socket(socket.AF_INET, socket.SOCK_STREAM, 262).bind(('127.0.0.1', 0))",
                "--net", "c:1")).isEqualTo("EPROTONOSUPPORT");
        assertThat(probe("socket.socket(socket.AF_INET6, socket.SOCK_STREAM, 262)", "--net", "c:1"))
                .isEqualTo("EPROTONOSUPPORT");
        assertThat(probe("socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0).close()", "--net", "c:1"))
                .isEqualTo("OK");
    }

    @Test
    void ioUringCannotCreateSocketsBehindTheFiltersBack() {
        String setup = "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
                + "if libc.syscall(425, 4, (ctypes.c_char * 120)()) < 0:\n"
                + "    raise OSError(ctypes.get_errno(), 'io_uring_setup')";
        Result outside = exec(null, null, List.of(python(setup)));
        assumeTrue(outside.out().equals("OK"), "io_uring is not available here: " + outside.out());

        assertThat(probe(setup, "--net", "c:1")).isEqualTo("ENOSYS");
    }

    // Scopes

    @Test
    void abstractUnixSocketCreatedOutside() throws Exception {
        String name = "sandboxec-it-" + ProcessHandle.current().pid();
        Process listener = new ProcessBuilder(Sandboxec.PY, "-c", "import socket, time\n"
                + "s = socket.socket(socket.AF_UNIX); s.bind('\\0" + name + "'); s.listen(5); print('ready', flush=True)\n"
                + "time.sleep(60)").start();
        try {
            assertThat(new String(listener.getInputStream().readNBytes(6))).isEqualTo("ready\n");
            String connect = "s = socket.socket(socket.AF_UNIX); s.connect('\\0" + name + "')";

            assertThat(probe(connect, "--restrict-scoped")).isEqualTo("EPERM");
            assertThat(probe(connect)).isEqualTo("OK");
        } finally {
            listener.destroy();
            listener.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void signalToTheProcessThatStartedSandboxec() {
        String body = "os.kill(os.getppid(), 0)";
        List<String> sandboxed = new ArrayList<>(List.of(Sandboxec.LAUNCHER.toString(), "--restrict-scoped", "--fs",
                "rx:/usr", "--"));
        sandboxed.addAll(List.of(python(body)));
        List<String> caller = new ArrayList<>(List.of("/usr/bin/sh", "-c", "\"$@\"; true", "caller"));
        caller.addAll(sandboxed);

        assertThat(exec(null, null, caller).out()).isEqualTo("EPERM");
    }

    // Inheritance

    @Test
    void aDaemonisedGrandchildIsStillRestricted() throws Exception {
        Path out = rw.resolve("out");
        Result result = run("--fs", "rx:/usr", "--fs", "rw:" + rw, "--fs", "rw:/dev/null", "--", "/usr/bin/sh", "-c",
                "/usr/bin/setsid /usr/bin/sh -c 'cat " + outside.resolve("secret") + " > " + out + " 2>&1' &"
                        + " wait");

        assertThat(result.exitCode()).isZero();
        for (int i = 0; i < 50 && (!Files.exists(out) || Files.size(out) == 0); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(out)).contains("Permission denied").doesNotContain("secret\n");
    }

    @Test
    void sandboxecInsideSandboxecOnlyNarrows() throws IOException {
        Path data = Files.writeString(outside.resolve("data"), "data");
        String home = System.getProperty("user.home");
        List<String> outer = List.of(Sandboxec.LAUNCHER.toString(), "--fs", "rx:/usr", "--fs", "rx:/etc",
                "--fs", "rx:" + Sandboxec.LAUNCHER.getParent(), "--fs", "rw:" + home + "/.cache/sandboxec",
                "--fs", "r:/proc", "--fs", "r:/sys", "--fs", "rw:/dev/null", "--fs", "r:" + rw, "--");
        List<String> widen = new ArrayList<>(outer);
        widen.addAll(List.of(Sandboxec.LAUNCHER.toString(), "--fs", "rx:/usr", "--fs", "r:" + data, "--",
                "/usr/bin/cat", data.toString()));
        List<String> narrow = new ArrayList<>(outer);
        narrow.addAll(List.of(Sandboxec.LAUNCHER.toString(), "--fs", "rx:/usr", "--", "/usr/bin/ls", rw.toString()));

        Result widened = exec(null, null, widen);
        Result narrowed = exec(null, null, narrow);

        assertThat(widened.stdout()).doesNotContain("data");
        assertThat(widened.stderr()).contains("Permission denied");
        assertThat(narrowed.stderr()).contains("Permission denied");
    }

    @Test
    void aSeventeenthLayerIsAClearError() {
        String body = "import ctypes, os, struct, sys\nlibc = ctypes.CDLL(None, use_errno=True)\n"
                + "libc.prctl(38, 1, 0, 0, 0)\n"
                + "attr = struct.pack('Q', 1 << 11)\n"
                + "for _ in range(16):\n"
                + "    fd = libc.syscall(444, attr, len(attr), 0)\n"
                + "    if fd < 0 or libc.syscall(446, fd, 0) != 0:\n"
                + "        raise OSError(ctypes.get_errno(), 'landlock')\n"
                + "    os.close(fd)\n"
                + "os.execv(sys.argv[1], sys.argv[1:])";
        List<String> command = new ArrayList<>(List.of(Sandboxec.PY, "-c", body, Sandboxec.LAUNCHER.toString(),
                "--fs", "rx:/usr", "--", "/usr/bin/true"));

        Result result = exec(null, null, command);

        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("sandboxec: ").contains("E2BIG").contains("16 nested")
                .hasLineCount(1);
    }
}
