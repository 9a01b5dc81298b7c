/* errno names and descriptions come from glibc, never from numbers hard-coded
 * in Java: "EACCES" and "Permission denied". */
#define _GNU_SOURCE
#include <string.h>

#include "sandboxec.h"

static jstring errno_name0(JNIEnv *env, jclass clazz, jint error) {
    (void)clazz;
    const char *name = strerrorname_np(error);
    return (*env)->NewStringUTF(env, name != NULL ? name : "EUNKNOWN");
}

static jstring errno_description0(JNIEnv *env, jclass clazz, jint error) {
    (void)clazz;
    const char *text = strerrordesc_np(error);
    return (*env)->NewStringUTF(env, text != NULL ? text : "Unknown error");
}

static const JNINativeMethod methods[] = {
    {"errnoName0", "(I)Ljava/lang/String;", (void *)errno_name0},
    {"errnoDescription0", "(I)Ljava/lang/String;", (void *)errno_description0},
};

int sbx_register_errno(JNIEnv *env, jclass clazz) {
    return (*env)->RegisterNatives(env, clazz, methods, sizeof(methods) / sizeof(methods[0]));
}
