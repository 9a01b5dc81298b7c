package dev.sandboxec.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh tree per test: {@code rw/}, {@code ro/file} and {@code outside/secret}. */
abstract class TreeFixture {
    @TempDir
    Path tmp;

    Path rw;
    Path ro;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        rw = Files.createDirectories(tmp.resolve("rw"));
        ro = Files.createDirectories(tmp.resolve("ro"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(ro.resolve("file"), "read-only content");
        Files.writeString(outside.resolve("secret"), "secret");
    }
}
