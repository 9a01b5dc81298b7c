package dev.sandboxec.domain.run;

import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import dev.sandboxec.domain.run.SandboxException.Reason;

/**
 * Finds the executable for a command name the way execvp(3) does, but before
 * the sandbox exists: once restricted, the PATH directories may not even be
 * readable. A name with a slash is used as it is.
 */
final class CommandResolver {
    /** execvp's search path when PATH is unset. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    private final Environment environment;
    private final FileSystem fileSystem;

    CommandResolver(Environment environment, FileSystem fileSystem) {
        this.environment = environment;
        this.fileSystem = fileSystem;
    }

    String resolve(String name) throws SandboxException {
        if (name.isEmpty()) {
            throw new SandboxException(Reason.NOT_FOUND, "empty command name");
        }
        if (name.indexOf('/') >= 0) {
            return name;
        }
        String found = null;
        for (String dir : environment.variable("PATH").orElse(DEFAULT_PATH).split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            if (fileSystem.isExecutableFile(candidate)) {
                return candidate;
            }
            if (found == null && fileSystem.kind(candidate) == PathKind.OTHER) {
                found = candidate;
            }
        }
        if (found != null) {
            throw new SandboxException(Reason.CANNOT_EXECUTE, "cannot execute " + found + ": not executable");
        }
        throw new SandboxException(Reason.NOT_FOUND, name + ": command not found in PATH");
    }
}
