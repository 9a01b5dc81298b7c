package dev.sandboxec.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.policy.FsRights;
import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.Policy;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.port.LandlockException;
import dev.sandboxec.domain.run.RunRequest;
import dev.sandboxec.domain.run.RunSandboxed;
import dev.sandboxec.domain.run.SandboxException;
import dev.sandboxec.domain.run.SandboxException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The use case on the real kernel, with the world changing under it: the
 * command must never start. The exec step is replaced by a guard, since
 * reaching it would restrict this JVM.
 */
class FailClosedOnTheRealKernelTest {
    @TempDir
    Path tmp;

    final LandlockKernel real = new LandlockKernel();
    final List<String> closed = new ArrayList<>();

    /** The real kernel for every step but the last, which must never be reached. */
    final Kernel guarded = new Kernel() {
        @Override
        public int abiVersion() throws LandlockException {
            return real.abiVersion();
        }

        @Override
        public int createRuleset(long fs, long net, long scoped, Abi abi) throws LandlockException {
            return real.createRuleset(fs, net, scoped, abi);
        }

        @Override
        public void addPathRule(int fd, String path, long access) throws LandlockException {
            real.addPathRule(fd, path, access);
        }

        @Override
        public void addPortRule(int fd, int port, long access) throws LandlockException {
            real.addPortRule(fd, port, access);
        }

        @Override
        public void close(int fd) {
            closed.add(String.valueOf(fd));
            real.close(fd);
        }

        @Override
        public void restrictSelfAndExec(int fd, boolean mptcp, String path, List<String> argv) {
            throw new AssertionError("the command must never start");
        }
    };

    @Test
    void aRulePathDeletedAfterCheckingIsASetupFailure() throws IOException {
        assumeLandlock();
        Path doomed = Files.createDirectories(tmp.resolve("doomed"));
        HostFileSystem host = new HostFileSystem();
        FileSystem racing = new FileSystem() {
            @Override
            public PathKind kind(String path) {
                PathKind kind = host.kind(path);
                if (path.equals(doomed.toString())) {
                    try {
                        Files.delete(doomed);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
                return kind;
            }

            @Override
            public boolean isExecutableFile(String path) {
                return host.isExecutableFile(path);
            }
        };
        RunSandboxed run = new RunSandboxed(guarded, racing, new HostEnvironment(), message -> { });
        Policy policy = new Policy(List.of(new FsRule(FsRights.READ_EXEC, "/usr"),
                new FsRule(FsRights.READ, doomed.toString())), List.of(), false, false);

        assertThatThrownBy(() -> run.run(new RunRequest(policy, 0, false, List.of("/usr/bin/true"))))
                .isInstanceOf(SandboxException.class)
                .hasMessage("cannot add rule r:" + doomed + ": open(" + doomed + "): ENOENT (No such file or directory)")
                .extracting(e -> ((SandboxException) e).reason()).isEqualTo(Reason.SETUP);
        assertThat(closed).hasSize(1);
    }

    private void assumeLandlock() {
        try {
            real.abiVersion();
        } catch (LandlockException e) {
            assumeTrue(false, "Landlock unavailable: " + e.getMessage());
        }
    }
}
