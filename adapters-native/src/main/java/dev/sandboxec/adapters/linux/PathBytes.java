package dev.sandboxec.adapters.linux;

import java.nio.charset.StandardCharsets;

/** Paths go to the kernel as UTF-8, whatever the locale: the CLI reads its arguments as UTF-8 too. */
final class PathBytes {
    private PathBytes() {
    }

    static byte[] of(String path) {
        return path.getBytes(StandardCharsets.UTF_8);
    }
}
