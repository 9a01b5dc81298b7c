package dev.sandboxec.adapters.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Loads libsandboxec: from {@code -Dsandboxec.native.library=FILE}, else from
 * {@code java.library.path}, else extracted from the jar into a cache
 * directory keyed by the library's SHA-256. Never throws: the outcome is
 * {@link #isAvailable()} and {@link #unavailabilityCause()}.
 */
final class NativeLibrary {
    static final String OVERRIDE_PROPERTY = "sandboxec.native.library";
    private static final String NAME = "sandboxec";
    private static final String RESOURCE = "/META-INF/native/linux-x86_64/libsandboxec.so";

    private static final Throwable UNAVAILABILITY_CAUSE = load();

    private NativeLibrary() {
    }

    static boolean isAvailable() {
        return UNAVAILABILITY_CAUSE == null;
    }

    static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    private static Throwable load() {
        try {
            String override = System.getProperty(OVERRIDE_PROPERTY);
            if (override != null) {
                System.load(Path.of(override).toAbsolutePath().toString());
                return null;
            }
            if (!System.getProperty("java.library.path", "").isEmpty()) {
                try {
                    System.loadLibrary(NAME);
                    return null;
                } catch (UnsatisfiedLinkError notThere) {
                    // Fall through to the copy inside the jar.
                }
            }
            System.load(extract().toString());
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static Path extract() throws IOException {
        byte[] library = resource(RESOURCE);
        // The SHA-256 the build wrote beside the library: hashing here would start
        // the security providers, which costs more than the whole sandbox set-up.
        String hash = new String(resource(RESOURCE + ".sha256"), StandardCharsets.US_ASCII).strip();
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IOException("resource " + RESOURCE + ".sha256 holds no SHA-256");
        }
        Path dir = cacheDirectory(hash);
        Path file = dir.resolve("lib" + NAME + ".so");
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), library)) {
            return file;
        }
        Path temp = Files.createTempFile(dir, "lib" + NAME, ".tmp");
        Files.write(temp, library);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NativeLibrary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing: is sandboxec-native-c on the class path?");
            }
            return in.readAllBytes();
        }
    }

    /**
     * {@code $XDG_CACHE_HOME/sandboxec/HASH} or {@code ~/.cache/sandboxec/HASH}: the
     * user's own directories. Without either, a fresh private temporary directory:
     * a shared, predictable one could be prepared by another user.
     */
    private static Path cacheDirectory(String hash) throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getenv("HOME");
        Path root = xdg != null && xdg.startsWith("/") ? Path.of(xdg, "sandboxec")
                : home != null && home.startsWith("/") ? Path.of(home, ".cache", "sandboxec") : null;
        if (root == null) {
            return Files.createTempDirectory("sandboxec-");
        }
        return Files.createDirectories(root.resolve(hash),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
