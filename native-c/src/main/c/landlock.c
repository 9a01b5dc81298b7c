/* The three Landlock syscalls and the O_PATH open that a path rule needs. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "include/landlock_uapi.h"
#include "sandboxec.h"

/* Returns the ABI version (>= 1) or -errno: ENOSYS when the kernel was built
 * without Landlock, EOPNOTSUPP when it is disabled at boot. */
static jint abi_version0(JNIEnv *env, jclass clazz) {
    (void)env;
    (void)clazz;
    long abi = syscall(__NR_landlock_create_ruleset, NULL, 0, SBX_LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? -errno : (jint)abi;
}

/* attr_size tells the kernel which fields exist: an ABI 1-3 kernel rejects
 * the larger struct with E2BIG, so the caller passes the size its ABI knows. */
static jint create_ruleset0(JNIEnv *env, jclass clazz, jlong fs, jlong net, jlong scoped, jint attr_size) {
    (void)env;
    (void)clazz;
    struct sbx_landlock_ruleset_attr attr = {
        .handled_access_fs = (uint64_t)fs,
        .handled_access_net = (uint64_t)net,
        .scoped = (uint64_t)scoped,
    };
    if (attr_size <= 0 || (size_t)attr_size > sizeof(attr)) {
        return -EINVAL;
    }
    long fd = syscall(__NR_landlock_create_ruleset, &attr, (size_t)attr_size, 0);
    return fd < 0 ? -errno : (jint)fd;
}

static jint open_path0(JNIEnv *env, jclass clazz, jbyteArray path) {
    (void)clazz;
    jsize len = (*env)->GetArrayLength(env, path);
    char *buf = malloc((size_t)len + 1);
    if (buf == NULL) {
        return -ENOMEM;
    }
    (*env)->GetByteArrayRegion(env, path, 0, len, (jbyte *)buf);
    buf[len] = '\0';
    int fd;
    do {
        fd = open(buf, O_PATH | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    int saved = errno;
    free(buf);
    return fd < 0 ? -saved : fd;
}

static jint add_path_rule0(JNIEnv *env, jclass clazz, jint ruleset_fd, jint path_fd, jlong access) {
    (void)env;
    (void)clazz;
    struct sbx_landlock_path_beneath_attr attr = {
        .allowed_access = (uint64_t)access,
        .parent_fd = path_fd,
    };
    long rc = syscall(__NR_landlock_add_rule, ruleset_fd, SBX_LANDLOCK_RULE_PATH_BENEATH, &attr, 0);
    return rc < 0 ? -errno : 0;
}

static jint add_net_rule0(JNIEnv *env, jclass clazz, jint ruleset_fd, jint port, jlong access) {
    (void)env;
    (void)clazz;
    struct sbx_landlock_net_port_attr attr = {
        .allowed_access = (uint64_t)access,
        .port = (uint64_t)(uint32_t)port,
    };
    long rc = syscall(__NR_landlock_add_rule, ruleset_fd, SBX_LANDLOCK_RULE_NET_PORT, &attr, 0);
    return rc < 0 ? -errno : 0;
}

static jint close0(JNIEnv *env, jclass clazz, jint fd) {
    (void)env;
    (void)clazz;
    /* No retry on EINTR: on Linux the descriptor is released either way. */
    return close(fd) < 0 ? -errno : 0;
}

static const JNINativeMethod methods[] = {
    {"abiVersion0", "()I", (void *)abi_version0},
    {"createRuleset0", "(JJJI)I", (void *)create_ruleset0},
    {"openPath0", "([B)I", (void *)open_path0},
    {"addPathRule0", "(IIJ)I", (void *)add_path_rule0},
    {"addNetRule0", "(IIJ)I", (void *)add_net_rule0},
    {"close0", "(I)I", (void *)close0},
};

int sbx_register_landlock(JNIEnv *env, jclass clazz) {
    return (*env)->RegisterNatives(env, clazz, methods, sizeof(methods) / sizeof(methods[0]));
}
