package dev.sandboxec.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.landlock.FsAccess;
import dev.sandboxec.domain.landlock.NetAccess;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import dev.sandboxec.domain.port.LandlockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JNI adapter against the real kernel, without restricting this JVM
 * (restriction is irreversible: the integration tests do it in children).
 */
class LandlockKernelTest {
    final LandlockKernel kernel = new LandlockKernel();
    int abi;

    @BeforeEach
    void landlockPresent() throws LandlockException {
        assertThat(NativeLibrary.isAvailable()).as(String.valueOf(NativeLibrary.unavailabilityCause())).isTrue();
        try {
            abi = kernel.abiVersion();
        } catch (LandlockException e) {
            assumeTrue(false, "Landlock unavailable on this kernel: " + e.getMessage());
        }
    }

    @Test
    void reportsTheKernelAbi() {
        assertThat(abi).isPositive();
    }

    @Test
    void buildsARulesetWithPathAndPortRules() throws LandlockException {
        assumeTrue(abi >= 4, "network rules need Landlock ABI 4; kernel has " + abi);
        Abi effective = Abi.of(abi);
        int fd = kernel.createRuleset(FsAccess.handledAt(effective), NetAccess.all(), 0, effective);
        try {
            assertThat(fd).isGreaterThan(2);
            kernel.addPathRule(fd, "/usr", FsAccess.READ_FILE.bit() | FsAccess.READ_DIR.bit());
            kernel.addPortRule(fd, 443, NetAccess.CONNECT_TCP.bit());
            kernel.addPortRule(fd, 0, NetAccess.BIND_TCP.bit());
            kernel.addPortRule(fd, 65535, NetAccess.all());
        } finally {
            kernel.close(fd);
        }
    }

    @Test
    void errorsNameTheSyscallThePathAndTheErrno() throws LandlockException {
        Abi effective = Abi.of(abi);
        int fd = kernel.createRuleset(FsAccess.handledAt(effective), 0, 0, effective);
        try {
            assertThatThrownBy(() -> kernel.addPathRule(fd, "/no/such/path", FsAccess.READ_FILE.bit()))
                    .isInstanceOf(LandlockException.class)
                    .hasMessage("open(/no/such/path): ENOENT (No such file or directory)");
            // READ_DIR on a regular file: the kernel refuses directory rights on files.
            assertThatThrownBy(() -> kernel.addPathRule(fd, "/etc/passwd", FsAccess.READ_DIR.bit()))
                    .isInstanceOf(LandlockException.class)
                    .hasMessage("landlock_add_rule(/etc/passwd): EINVAL (Invalid argument)");
        } finally {
            kernel.close(fd);
        }
    }

    @Test
    void anUnhandledRightInARuleIsRefused() throws LandlockException {
        int fd = kernel.createRuleset(FsAccess.READ_FILE.bit(), 0, 0, Abi.V1);
        try {
            assertThatThrownBy(() -> kernel.addPathRule(fd, "/usr", FsAccess.EXECUTE.bit()))
                    .isInstanceOf(LandlockException.class).extracting(e -> ((LandlockException) e).errnoName())
                    .isEqualTo("EINVAL");
        } finally {
            kernel.close(fd);
        }
    }

    @Test
    void fileSystemFactsFollowSymlinksAndHandleNonAsciiNames(@TempDir Path tmp) throws IOException {
        HostFileSystem fileSystem = new HostFileSystem();
        Path dir = Files.createDirectories(tmp.resolve("řeřicha dir"));
        Path script = Files.writeString(dir.resolve("run"), "#!/bin/sh\n");
        Files.createSymbolicLink(tmp.resolve("link"), dir);

        assertThat(fileSystem.kind(dir.toString())).isEqualTo(PathKind.DIRECTORY);
        assertThat(fileSystem.kind(tmp.resolve("link").toString())).isEqualTo(PathKind.DIRECTORY);
        assertThat(fileSystem.kind(script.toString())).isEqualTo(PathKind.OTHER);
        assertThat(fileSystem.kind(tmp.resolve("absent").toString())).isEqualTo(PathKind.MISSING);
        assertThat(fileSystem.kind("/dev/null")).isEqualTo(PathKind.OTHER);
        assertThat(fileSystem.isExecutableFile("/usr/bin/true")).isTrue();
        assertThat(fileSystem.isExecutableFile("/usr")).isFalse();
    }

    @Test
    void argumentsThatAreNotThisProcessesTailAreEncodedAsUtf8() {
        byte[][] bytes = LandlockKernel.argumentBytes(List.of("/bin/x", "ü"));

        assertThat(bytes[0]).containsExactly('/', 'b', 'i', 'n', '/', 'x');
        assertThat(bytes[1]).containsExactly(0xC3, 0xBC);
    }
}
