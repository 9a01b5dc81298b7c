/* The path facts the domain asks about, answered on the same bytes that
 * open(2) will later get: Java's own file API would decode paths with the
 * locale's charset and fail on non-ASCII names under LANG=C. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandboxec.h"

static char *copy_path(JNIEnv *env, jbyteArray path) {
    jsize len = (*env)->GetArrayLength(env, path);
    char *buf = malloc((size_t)len + 1);
    if (buf != NULL) {
        (*env)->GetByteArrayRegion(env, path, 0, len, (jbyte *)buf);
        buf[len] = '\0';
    }
    return buf;
}

/* Returns st_mode (following symlinks) or -errno. */
static jint stat_mode0(JNIEnv *env, jclass clazz, jbyteArray path) {
    (void)clazz;
    char *file = copy_path(env, path);
    if (file == NULL) {
        return -ENOMEM;
    }
    struct stat st;
    int rc = stat(file, &st);
    int saved = errno;
    free(file);
    return rc < 0 ? -saved : (jint)(st.st_mode & 0xFFFF);
}

/* Returns 0 when the effective user may execute the file, else -errno. */
static jint access_exec0(JNIEnv *env, jclass clazz, jbyteArray path) {
    (void)clazz;
    char *file = copy_path(env, path);
    if (file == NULL) {
        return -ENOMEM;
    }
    int rc = faccessat(AT_FDCWD, file, X_OK, AT_EACCESS);
    int saved = errno;
    free(file);
    return rc < 0 ? -saved : 0;
}

static const JNINativeMethod methods[] = {
    {"statMode0", "([B)I", (void *)stat_mode0},
    {"accessExec0", "([B)I", (void *)access_exec0},
};

int sbx_register_files(JNIEnv *env, jclass clazz) {
    return (*env)->RegisterNatives(env, clazz, methods, sizeof(methods) / sizeof(methods[0]));
}
