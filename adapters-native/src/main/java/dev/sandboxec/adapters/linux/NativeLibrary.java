package dev.sandboxec.adapters.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

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

    private static Path extract() throws IOException, NoSuchAlgorithmException {
        byte[] library;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing: is sandboxec-native-c on the class path?");
            }
            library = in.readAllBytes();
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library));
        Path dir = cacheRoot().resolve(hash);
        Path file = dir.resolve("lib" + NAME + ".so");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // The cache may sit in a shared temp directory: load only from a directory
        // this user owns, and only bytes identical to the jar's.
        String user = System.getProperty("user.name");
        if (!Files.getOwner(dir).getName().equals(user)) {
            throw new IOException("native library cache " + dir + " is not owned by " + user);
        }
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

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) {
            return Path.of(xdg, "sandboxec");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isEmpty() && !home.equals("?")) {
            return Path.of(home, ".cache", "sandboxec");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "sandboxec-" + System.getProperty("user.name"));
    }
}
