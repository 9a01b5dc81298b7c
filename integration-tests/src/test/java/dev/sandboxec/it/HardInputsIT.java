package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unusual but legal inputs pass intact; impossible ones fail closed with one clear line. */
class HardInputsIT {
    @TempDir
    Path tmp;

    @Test
    void tenThousandRulesOnOneCommandLine() {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            args.add("--fs");
            args.add(i % 2 == 0 ? "rx:/usr" : "r:/etc/hostname");
        }
        args.addAll(List.of("--", "/usr/bin/cat", "/etc/hostname"));

        Result result = run(args.toArray(new String[0]));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isNotEmpty();
    }

    @Test
    void aPathTooLongForTheKernelFailsClosedWithItsErrno() {
        String path = "/tmp/" + "a".repeat(4096);

        Result result = run("--fs", "r:" + path, "--fs", "rx:/usr", "--", "/usr/bin/true");

        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("sandboxec: ").contains("ENAMETOOLONG").hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "new\nline", "quote'\"s", "ünïcödé ✓", "colon:in:name", "$dollar"})
    void unusualFileNamesWork(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path file = Files.writeString(dir.resolve(name), "content");

        Result allowed = run("--fs", "rx:/usr", "--fs", "r:" + dir.toString().replace("$", "${DOLLAR}"), "--",
                "/usr/bin/cat", file.toString());
        Result denied = run("--fs", "rx:/usr", "--", "/usr/bin/cat", file.toString());

        if (name.contains("$")) {
            assertThat(allowed.exitCode()).as("$ starts a variable: ${DOLLAR} is unset").isEqualTo(125);
            Result escaped = runWithDollar(dir, file);
            assertThat(escaped.stdout()).isEqualTo("content");
        } else {
            assertThat(allowed.stdout()).as(allowed.stderr()).isEqualTo("content");
        }
        assertThat(denied.stderr()).contains("Permission denied");
    }

    private static Result runWithDollar(Path dir, Path file) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DOLLAR", "$");
        return Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--fs",
                "r:" + dir.toString().replace("$", "${DOLLAR}"), "--", "/usr/bin/cat", file.toString());
    }

    @Test
    void nonAsciiRulePathsAndVariablesWorkUnderTheCLocale() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("žluťoučký"));
        Path file = Files.writeString(dir.resolve("kůň"), "content");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("LC_ALL", "C");
        environment.put("SANDBOXEC_DIR", dir.toString());

        Result literal = Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--fs", "r:" + dir, "--",
                "/usr/bin/cat", file.toString());
        Result expanded = Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--fs", "r:$SANDBOXEC_DIR",
                "--", "/usr/bin/cat", file.toString());

        assertThat(literal.stdout()).as(literal.stderr()).isEqualTo("content");
        assertThat(expanded.stdout()).as(expanded.stderr()).isEqualTo("content");
    }

    @Test
    void aOneMebibyteEnvironmentPassesIntact() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String value = String.valueOf((char) ('a' + i)).repeat(64 * 1024);
            environment.put("SANDBOXEC_BIG_" + i, value);
            expected.append(value);
        }

        Result result = Sandboxec.runWithEnvironment(environment, "--fs", "rx:/usr", "--", "/usr/bin/sh", "-c",
                "for i in $(seq 0 15); do eval \"printf %s \\\"\\$SANDBOXEC_BIG_$i\\\"\"; done");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).hasSize(expected.length()).isEqualTo(expected.toString());
    }

    @Test
    void anArgumentListNearArgMaxPassesIntact() {
        List<String> args = new ArrayList<>(List.of("--fs", "rx:/usr", "--", "/usr/bin/sh", "-c",
                "printf %s \"$@\" | wc -c", "sh"));
        int total = 0;
        for (int i = 0; i < 12; i++) {
            String arg = String.valueOf((char) ('A' + i)).repeat(120 * 1024);
            args.add(arg);
            total += arg.length();
        }

        Result result = run(args.toArray(new String[0]));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.out()).isEqualTo(String.valueOf(total));
    }

    @Test
    void rulesOnADeviceAndOnASocketAreFileRules() throws IOException {
        Path socket = tmp.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            Result result = run("--dry-run", "--fs", "rw:/dev/null", "--fs", "rw:" + socket, "--", "/usr/bin/true");
            Result real = run("--fs", "rx:/usr", "--fs", "rw:/dev/null", "--fs", "rw:" + socket, "--",
                    "/usr/bin/sh", "-c", "echo x > /dev/null && echo ok");

            assertThat(result.stdout()).contains("rw:/dev/null").contains("file      WRITE_FILE, READ_FILE");
            assertThat(real.stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void aRuleOnADirectoryThisUserCannotSearchIsStillAddedByPath() throws IOException {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.writeString(locked.resolve("f"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Result result = run("--fs", "rx:/usr", "--fs", "r:" + locked, "--", "/usr/bin/ls", locked.toString());

            // O_PATH needs no permission on the directory itself; access inside is then
            // decided by the file modes and Landlock together (root bypasses the modes).
            assertThat(result.exitCode()).isEqualTo(isRoot() ? 0 : 2);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
