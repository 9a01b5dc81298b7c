package dev.sandboxec.adapters.linux;

import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.LandlockException;

/** The domain's {@link FileSystem} port: stat(2) and faccessat(2) on the UTF-8 bytes of the path. */
public final class HostFileSystem implements FileSystem {
    private static final int S_IFMT = 0xF000;
    private static final int S_IFDIR = 0x4000;
    private static final int S_IFREG = 0x8000;

    @Override
    public PathKind kind(String path) {
        int mode = mode(path);
        if (mode < 0) {
            return PathKind.MISSING;
        }
        return (mode & S_IFMT) == S_IFDIR ? PathKind.DIRECTORY : PathKind.OTHER;
    }

    @Override
    public boolean isExecutableFile(String path) {
        int mode = mode(path);
        try {
            return mode >= 0 && (mode & S_IFMT) == S_IFREG && LandlockNative.canExecute(PathBytes.of(path));
        } catch (LandlockException e) {
            return false;
        }
    }

    private static int mode(String path) {
        try {
            return LandlockNative.statMode(PathBytes.of(path));
        } catch (LandlockException e) {
            return -1;
        }
    }
}
