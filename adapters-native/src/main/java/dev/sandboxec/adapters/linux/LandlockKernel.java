package dev.sandboxec.adapters.linux;

import dev.sandboxec.domain.landlock.Abi;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.port.LandlockException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The domain's {@link Kernel} port on Linux, through libsandboxec. */
public final class LandlockKernel implements Kernel {
    /**
     * Set by the launcher to its own {@code SigIgn} from /proc/self/status: the
     * signals the user ignored, which HotSpot replaced with handlers.
     */
    static final String IGNORED_SIGNALS_PROPERTY = "sandboxec.ignored.signals";

    @Override
    public int abiVersion() throws LandlockException {
        return LandlockNative.abiVersion();
    }

    @Override
    public int createRuleset(long handledFs, long handledNet, long scoped, Abi abi) throws LandlockException {
        LandlockNative.ensureAvailability();
        // struct landlock_ruleset_attr grew: handled_access_net with ABI 4, scoped with ABI 6.
        // Older kernels reject a larger struct, so send the size the ABI knows.
        int attrSize = abi.atLeast(Abi.V6) ? 24 : abi.atLeast(Abi.V4) ? 16 : 8;
        return LandlockNative.createRuleset(handledFs, handledNet, scoped, attrSize);
    }

    @Override
    public void addPathRule(int rulesetFd, String path, long access) throws LandlockException {
        int pathFd = LandlockNative.openPath(PathBytes.of(path), path);
        try {
            LandlockNative.addPathRule(rulesetFd, pathFd, access, path);
        } finally {
            LandlockNative.close(pathFd);
        }
    }

    @Override
    public void addPortRule(int rulesetFd, int port, long access) throws LandlockException {
        LandlockNative.addNetRule(rulesetFd, port, access);
    }

    @Override
    public void close(int fd) {
        if (NativeLibrary.isAvailable()) {
            LandlockNative.close(fd);
        }
    }

    @Override
    public void restrictSelfAndExec(int rulesetFd, boolean blockMptcp, String path, List<String> argv)
            throws LandlockException {
        LandlockNative.ensureAvailability();
        byte[][] args = argumentBytes(argv);
        byte[] file = path.equals(argv.get(0)) ? args[0] : PathBytes.of(path);
        LandlockNative.restrictAndExec(rulesetFd, blockMptcp, ignoredSignals(), file, args, path);
    }

    /**
     * The command's arguments byte for byte as the user gave them when they are
     * the tail of this process's command line (always, from the CLI); else UTF-8.
     */
    static byte[][] argumentBytes(List<String> argv) {
        byte[][] utf8 = new byte[argv.size()][];
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = argv.get(i).getBytes(StandardCharsets.UTF_8);
        }
        Optional<List<byte[]>> tail = ProcessCommandLine.tail(argv.size());
        if (tail.isEmpty()) {
            return utf8;
        }
        for (int i = 0; i < utf8.length; i++) {
            if (!new String(tail.get().get(i), StandardCharsets.UTF_8).equals(argv.get(i))) {
                return utf8;
            }
        }
        return tail.get().toArray(new byte[0][]);
    }

    private static long ignoredSignals() {
        String mask = System.getProperty(IGNORED_SIGNALS_PROPERTY, "0");
        try {
            return Long.parseUnsignedLong(mask, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
