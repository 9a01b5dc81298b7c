/*
 * Restrict the calling thread and execve the command, in one native call on
 * one thread: Landlock, no_new_privs and seccomp are per-thread until exec,
 * and execve carries the calling thread's domain into the new program while
 * the JVM's other threads disappear.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "include/landlock_uapi.h"
#include "sandboxec.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#ifndef __NR_close_range
#define __NR_close_range 436
#endif
#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif

/* Steps reported to Java in failed_step[0]; LandlockNative names them. */
enum step {
    STEP_ALLOC = 1,
    STEP_NO_NEW_PRIVS = 2,
    STEP_SECCOMP = 3,
    STEP_RESTRICT_SELF = 4,
    STEP_SIGACTION = 5,
    STEP_SIGPROCMASK = 6,
    STEP_CLOSE_RANGE = 7,
    STEP_EXECVE = 8,
};

extern char **environ;

static void free_argv(char **argv) {
    for (char **arg = argv; *arg != NULL; arg++) {
        free(*arg);
    }
    free(argv);
}

/* Copies a Java byte[][] into a NULL-terminated argv; the bytes are exact,
 * chosen in Java (see LandlockNative). Returns NULL with errno on failure. */
static char **copy_argv(JNIEnv *env, jobjectArray args) {
    jsize argc = (*env)->GetArrayLength(env, args);
    char **argv = calloc((size_t)argc + 1, sizeof(char *));
    if (argv == NULL) {
        errno = ENOMEM;
        return NULL;
    }
    for (jsize i = 0; i < argc; i++) {
        jbyteArray arg = (jbyteArray)(*env)->GetObjectArrayElement(env, args, i);
        jsize len = (*env)->GetArrayLength(env, arg);
        argv[i] = malloc((size_t)len + 1);
        if (argv[i] == NULL) {
            free_argv(argv);
            errno = ENOMEM;
            return NULL;
        }
        (*env)->GetByteArrayRegion(env, arg, 0, len, (jbyte *)argv[i]);
        argv[i][len] = '\0';
        (*env)->DeleteLocalRef(env, arg);
    }
    return argv;
}

/*
 * Makes socket(..., IPPROTO_MPTCP) fail with EPROTONOSUPPORT: Landlock's TCP
 * rules do not cover MPTCP sockets, and programs that try MPTCP first (Go
 * since 1.21) fall back to plain TCP, which Landlock controls. io_uring can
 * create and connect sockets without socket(2) and connect(2), so its setup
 * fails with ENOSYS, as when a kernel lacks it; programs fall back to epoll.
 * 32-bit x86 socketcall(2) hides its arguments from seccomp: refused too.
 */
static int install_mptcp_filter(void) {
#if defined(__x86_64__)
    enum { X32 = 0x40000000, SOCKET = 41, SOCKET_I386 = 359, SOCKETCALL_I386 = 102, IO_URING_SETUP = 425 };
    struct sock_filter filter[] = {
        /* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 2, 0),
        /* 2 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 7, 0),
        /* 3 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        /* 4: x86_64 and x32 */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        /* 5 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCKET, 11, 0),
        /* 6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCKET | X32, 10, 0),
        /* 7 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IO_URING_SETUP, 8, 0),
        /* 8 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IO_URING_SETUP | X32, 7, 0),
        /* 9 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        /* 10: i386 */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        /* 11 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCKET_I386, 5, 0),
        /* 12 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IO_URING_SETUP, 3, 0),
        /* 13 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCKETCALL_I386, 1, 0),
        /* 14 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        /* 15 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPROTONOSUPPORT & SECCOMP_RET_DATA)),
        /* 16 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA)),
        /* 17: socket(domain, type, protocol): protocol is args[2], low word */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[2])),
        /* 18 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_MPTCP, 0, 1),
        /* 19 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPROTONOSUPPORT & SECCOMP_RET_DATA)),
        /* 20 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {
        .len = (unsigned short)(sizeof(filter) / sizeof(filter[0])),
        .filter = filter,
    };
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}

/* The kernel's struct sigaction, for rt_sigaction(2) itself: glibc refuses
 * signals 32 and 33, which it reserves for its threads. */
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};

static int set_disposition(int sig, void (*handler)(int)) {
    struct kernel_sigaction action = {.handler = handler};
    return (int)syscall(SYS_rt_sigaction, sig, &action, NULL, sizeof(action.mask));
}

static int is_ignored(int sig, int *ignored) {
    struct kernel_sigaction old;
    if (syscall(SYS_rt_sigaction, sig, NULL, &old, sizeof(old.mask)) < 0) {
        return -1;
    }
    *ignored = old.handler == SIG_IGN;
    return 0;
}

/*
 * Gives the command the ignored signals the user gave sandboxec (SigIgn, read
 * by the launcher before the JVM started). HotSpot replaced some of them with
 * handlers, which exec would reset to the default action, and ignores others
 * itself. The faults the JVM handles while other threads still run (SEGV,
 * BUS, FPE, ILL, TRAP) are left alone: exec resets them to the default.
 */
static int restore_ignored(jlong mask) {
    for (int sig = 1; sig <= 64; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP || sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE ||
            sig == SIGILL || sig == SIGTRAP) {
            continue;
        }
        int wanted = (int)(((uint64_t)mask >> (sig - 1)) & 1U);
        int ignored;
        if (is_ignored(sig, &ignored) < 0) {
            return -1;
        }
        if (wanted && !ignored && set_disposition(sig, SIG_IGN) < 0) {
            return -1;
        }
        if (!wanted && ignored && set_disposition(sig, SIG_DFL) < 0) {
            return -1;
        }
    }
    return 0;
}

static jint fail(JNIEnv *env, jintArray failed_step, enum step step, int error) {
    jint value = (jint)step;
    (*env)->SetIntArrayRegion(env, failed_step, 0, 1, &value);
    return -error;
}

static jint restrict_and_exec0(JNIEnv *env, jclass clazz, jint ruleset_fd, jint restrict_flags,
                               jboolean block_mptcp, jlong ignored_signals, jbyteArray path,
                               jobjectArray args, jintArray failed_step) {
    (void)clazz;
    jsize path_len = (*env)->GetArrayLength(env, path);
    char *file = malloc((size_t)path_len + 1);
    if (file == NULL) {
        return fail(env, failed_step, STEP_ALLOC, ENOMEM);
    }
    (*env)->GetByteArrayRegion(env, path, 0, path_len, (jbyte *)file);
    file[path_len] = '\0';

    char **argv = copy_argv(env, args);
    if (argv == NULL) {
        int saved = errno;
        free(file);
        return fail(env, failed_step, STEP_ALLOC, saved);
    }

    enum step step;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
        step = STEP_NO_NEW_PRIVS;
    } else if (block_mptcp && install_mptcp_filter() < 0) {
        step = STEP_SECCOMP;
    } else if (ruleset_fd >= 0 && syscall(__NR_landlock_restrict_self, ruleset_fd, (unsigned)restrict_flags) < 0) {
        step = STEP_RESTRICT_SELF;
    } else if (restore_ignored(ignored_signals) < 0) {
        step = STEP_SIGACTION;
    } else {
        sigset_t empty;
        sigemptyset(&empty);
        if (sigprocmask(SIG_SETMASK, &empty, NULL) < 0) {
            step = STEP_SIGPROCMASK;
        } else if (syscall(__NR_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) < 0) {
            step = STEP_CLOSE_RANGE;
        } else {
            execve(file, argv, environ);
            step = STEP_EXECVE;
        }
    }
    int saved = errno;
    free_argv(argv);
    free(file);
    return fail(env, failed_step, step, saved);
}

static const JNINativeMethod methods[] = {
    {"restrictAndExec0", "(IIZJ[B[[B[I)I", (void *)restrict_and_exec0},
};

int sbx_register_exec(JNIEnv *env, jclass clazz) {
    return (*env)->RegisterNatives(env, clazz, methods, sizeof(methods) / sizeof(methods[0]));
}
