package dev.sandboxec.adapters.linux;

import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.LandlockException;

/** The domain's {@link FileSystem} port: stat(2) and faccessat(2) on the UTF-8 bytes of the path. */
public final class HostFileSystem implements FileSystem {
    private static final int S_IFMT = 0xF000;
    private static final int S_IFDIR = 0x4000;
    private static final int S_IFREG = 0x8000;
    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;

    /**
     * A path that does not exist (ENOENT, ENOTDIR) is missing. Any other failure
     * (EACCES, ENAMETOOLONG, ELOOP) counts as present, so that open(2) fails
     * later on the same path with the precise errno in the message.
     */
    @Override
    public PathKind kind(String path) {
        int mode = mode(path);
        if (mode == -ENOENT || mode == -ENOTDIR) {
            return PathKind.MISSING;
        }
        return mode >= 0 && (mode & S_IFMT) == S_IFDIR ? PathKind.DIRECTORY : PathKind.OTHER;
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

    /** st_mode, or -errno. */
    private static int mode(String path) {
        try {
            return LandlockNative.statMode(PathBytes.of(path));
        } catch (LandlockException e) {
            return -e.errno();
        }
    }
}
