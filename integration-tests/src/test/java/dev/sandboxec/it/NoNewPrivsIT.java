package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A setuid binary gains nothing inside the sandbox (no_new_privs). Run as an
 * unprivileged user through setpriv, since the suite itself may run as root.
 */
class NoNewPrivsIT {
    private static final String NOBODY = "65534";

    Path dir;
    Path home;
    Path setuidId;

    @BeforeEach
    void setuidCopyOfId() throws Exception {
        assumeTrue(HardInputsIT.isRoot(), "needs root to make a setuid binary and switch users");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        dir = Files.createTempDirectory("sandboxec-nnp");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        setuidId = dir.resolve("id");
        Files.copy(Path.of("/usr/bin/id"), setuidId);
        assertThat(exec(null, null, List.of("/usr/bin/chmod", "4755", setuidId.toString())).exitCode()).isZero();
        home = Files.createDirectories(dir.resolve("home"));
        assertThat(exec(null, null, List.of("/usr/bin/chown", NOBODY + ":" + NOBODY, home.toString())).exitCode())
                .isZero();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Result asNobody(List<String> command) {
        List<String> all = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        all.addAll(command);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", home.toString());
        environment.remove("XDG_CACHE_HOME");
        environment.remove("XDG_CONFIG_HOME");
        return exec(environment, null, all);
    }

    @Test
    void aSetuidBinaryGainsNothing() {
        Path jar = Sandboxec.LAUNCHER.getParent().resolve("adapters-cli/target/sandboxec.jar");
        assumeTrue(asNobody(List.of("/usr/bin/test", "-r", jar.toString())).exitCode() == 0,
                "the build tree is not readable by an unprivileged user here");

        Result direct = asNobody(List.of(setuidId.toString(), "-u"));
        Result sandboxed = asNobody(List.of(Sandboxec.LAUNCHER.toString(), "--fs", "rx:/usr", "--fs", "rx:" + dir,
                "--", setuidId.toString(), "-u"));

        assertThat(direct.out()).as("outside the sandbox the setuid bit works").isEqualTo("0");
        assertThat(sandboxed.out()).as(sandboxed.stderr()).isEqualTo(NOBODY);
    }
}
