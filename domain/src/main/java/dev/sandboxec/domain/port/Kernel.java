package dev.sandboxec.domain.port;

import dev.sandboxec.domain.landlock.Abi;
import java.util.List;

/**
 * The Landlock kernel interface, one method per step of the run use case.
 * Descriptors are plain ints; every failure is a {@link LandlockException}
 * naming the syscall.
 */
public interface Kernel {
    /**
     * The kernel's Landlock ABI version, 1 or higher.
     *
     * @throws LandlockUnavailableException when the kernel has no usable Landlock
     */
    int abiVersion() throws LandlockException;

    /**
     * Creates a ruleset handling these rights, in the struct layout of {@code abi}.
     *
     * @return the ruleset descriptor
     */
    int createRuleset(long handledFs, long handledNet, long scoped, Abi abi) throws LandlockException;

    /** Allows {@code access} beneath {@code path} (a file: that file only). */
    void addPathRule(int rulesetFd, String path, long access) throws LandlockException;

    /** Allows {@code access} on a TCP port. */
    void addPortRule(int rulesetFd, int port, long access) throws LandlockException;

    /** Closes a descriptor this port returned. Never fails the caller. */
    void close(int fd);

    /**
     * Sets no_new_privs, blocks MPTCP sockets when asked, restricts the calling
     * thread with the ruleset (none when {@code rulesetFd} is negative), and
     * execve's the command with the process's own environment. On success it
     * never returns.
     *
     * @param path the executable, already resolved
     * @param argv the command line, {@code argv[0]} first
     * @throws LandlockException naming the step that failed, {@code execve} included
     */
    void restrictSelfAndExec(int rulesetFd, boolean blockMptcp, String path, List<String> argv)
            throws LandlockException;
}
