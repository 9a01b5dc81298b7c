package dev.sandboxec.adapters.linux;

import dev.sandboxec.domain.port.LandlockException;
import dev.sandboxec.domain.port.LandlockUnavailableException;

/**
 * The whole native surface: {@code private static native} methods with a
 * {@code 0} suffix that return {@code -errno}, each wrapped by a method that
 * turns a negative result into a {@link LandlockException} naming the
 * syscall. Registered from a table in {@code JNI_OnLoad}.
 */
final class LandlockNative {
    /** Step numbers of {@code restrictAndExec0}, as enum step in exec.c. */
    private static final String[] EXEC_STEPS = {
        "", "malloc", "prctl(PR_SET_NO_NEW_PRIVS)", "seccomp", "landlock_restrict_self", "sigaction",
        "sigprocmask", "close_range", "execve",
    };

    private static final int ENOSYS = 38;
    private static final int EOPNOTSUPP = 95;

    private LandlockNative() {
    }

    static void ensureAvailability() throws LandlockException {
        if (!NativeLibrary.isAvailable()) {
            Throwable cause = NativeLibrary.unavailabilityCause();
            LandlockException e = new LandlockException("load libsandboxec", "", 0, "ENOLIB",
                    String.valueOf(cause.getMessage()));
            e.initCause(cause);
            throw e;
        }
    }

    static int abiVersion() throws LandlockException {
        ensureAvailability();
        int abi = abiVersion0();
        if (abi == -ENOSYS) {
            throw new LandlockUnavailableException(ENOSYS, errnoName0(ENOSYS), errnoDescription0(ENOSYS),
                    "this kernel was built without Landlock (CONFIG_SECURITY_LANDLOCK); Linux 5.13 or later is needed");
        }
        if (abi == -EOPNOTSUPP) {
            throw new LandlockUnavailableException(EOPNOTSUPP, errnoName0(EOPNOTSUPP), errnoDescription0(EOPNOTSUPP),
                    "Landlock is disabled at boot: add landlock to the lsm= kernel parameter");
        }
        return check(abi, "landlock_create_ruleset", "LANDLOCK_CREATE_RULESET_VERSION");
    }

    static int createRuleset(long fs, long net, long scoped, int attrSize) throws LandlockException {
        return check(createRuleset0(fs, net, scoped, attrSize), "landlock_create_ruleset", "");
    }

    static int openPath(byte[] path, String shown) throws LandlockException {
        return check(openPath0(path), "open", shown);
    }

    static void addPathRule(int rulesetFd, int pathFd, long access, String shown) throws LandlockException {
        check(addPathRule0(rulesetFd, pathFd, access), "landlock_add_rule", shown);
    }

    static void addNetRule(int rulesetFd, int port, long access) throws LandlockException {
        check(addNetRule0(rulesetFd, port, access), "landlock_add_rule", "port " + port);
    }

    static void close(int fd) {
        close0(fd);
    }

    /** Returns only by throwing: on success the process is the command. */
    static void restrictAndExec(int rulesetFd, boolean blockMptcp, long ignoredSignals, byte[] path, byte[][] argv,
            String shown) throws LandlockException {
        int[] step = new int[1];
        int rc = restrictAndExec0(rulesetFd, 0, blockMptcp, ignoredSignals, path, argv, step);
        String syscall = step[0] > 0 && step[0] < EXEC_STEPS.length ? EXEC_STEPS[step[0]] : "restrict and exec";
        throw error(-rc, syscall, syscall.equals("execve") ? shown : "");
    }

    /** The path's st_mode, following symlinks, or -errno. */
    static int statMode(byte[] path) throws LandlockException {
        ensureAvailability();
        return statMode0(path);
    }

    static boolean canExecute(byte[] path) throws LandlockException {
        ensureAvailability();
        return accessExec0(path) == 0;
    }

    private static int check(int rc, String syscall, String subject) throws LandlockException {
        if (rc < 0) {
            throw error(-rc, syscall, subject);
        }
        return rc;
    }

    private static LandlockException error(int errno, String syscall, String subject) {
        return new LandlockException(syscall, subject, errno, errnoName0(errno), errnoDescription0(errno));
    }

    private static native int abiVersion0();

    private static native int createRuleset0(long fs, long net, long scoped, int attrSize);

    private static native int openPath0(byte[] path);

    private static native int addPathRule0(int rulesetFd, int pathFd, long access);

    private static native int addNetRule0(int rulesetFd, int port, long access);

    private static native int close0(int fd);

    private static native int restrictAndExec0(int rulesetFd, int restrictFlags, boolean blockMptcp,
            long ignoredSignals, byte[] path, byte[][] argv, int[] failedStep);

    private static native int statMode0(byte[] path);

    private static native int accessExec0(byte[] path);

    private static native String errnoName0(int errno);

    private static native String errnoDescription0(int errno);
}
