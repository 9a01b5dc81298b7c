package dev.sandboxec.adapters.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM's own argv, as bytes, from {@code /proc/self/cmdline}. Java decodes
 * {@code main}'s arguments with the locale's charset, which turns every
 * non-ASCII byte into {@code '?'} under {@code LANG=C}; the raw bytes let the
 * CLI read its arguments as UTF-8 and pass the command's arguments on
 * byte for byte.
 */
public final class ProcessCommandLine {
    private ProcessCommandLine() {
    }

    /** The last {@code count} arguments of this process, or empty when they cannot be read. */
    public static Optional<List<byte[]>> tail(int count) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        List<byte[]> all = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                byte[] arg = new byte[i - start];
                System.arraycopy(raw, start, arg, 0, arg.length);
                all.add(arg);
                start = i + 1;
            }
        }
        if (all.size() < count) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(all.subList(all.size() - count, all.size())));
    }

    /**
     * This process's arguments decoded as UTF-8, when {@code args} are the
     * tail of its command line; otherwise {@code args} unchanged.
     */
    public static String[] asUtf8(String[] args) {
        return tail(args.length).map(tail -> {
            String[] decoded = new String[tail.size()];
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = new String(tail.get(i), StandardCharsets.UTF_8);
            }
            return decoded;
        }).orElse(args);
    }
}
