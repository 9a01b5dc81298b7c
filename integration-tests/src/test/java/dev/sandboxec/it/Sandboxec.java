package dev.sandboxec.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged sandboxec through its launcher, in a child process, as a user would. */
final class Sandboxec {
    static final Path LAUNCHER = Path.of(System.getProperty("sandboxec.launcher", "../sandboxec")).toAbsolutePath()
            .normalize();

    /** Python probes print the kernel's answer: OK or the errno name. */
    static final String PY = "/usr/bin/python3";

    private Sandboxec() {
    }

    static Result run(String... args) {
        return exec(null, null, launcherCommand(args));
    }

    static Result runWithInput(String stdin, String... args) {
        return exec(null, stdin, launcherCommand(args));
    }

    static Result runWithEnvironment(Map<String, String> environment, String... args) {
        return exec(environment, null, launcherCommand(args));
    }

    static List<String> launcherCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Runs any command line (not only sandboxec), for comparisons with an unsandboxed run. */
    static Result exec(Map<String, String> environment, String stdin, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), process.pid(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
                stream.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A Python one-liner that prints OK, or the errno name of the OSError it hit. */
    static String[] python(String body) {
        String code = "import errno, os, socket, signal, sys\n"
                + "try:\n"
                + "    " + body.replace("\n", "\n    ") + "\n"
                + "    print('OK')\n"
                + "except OSError as e:\n"
                + "    print(errno.errorcode.get(e.errno, str(e.errno)))\n";
        return new String[] {PY, "-I", "-S", "-c", code};
    }

    record Result(int exitCode, long pid, String stdout, String stderr) {
        String out() {
            return stdout.strip();
        }
    }
}
