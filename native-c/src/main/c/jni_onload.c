/* Registers every native of dev.sandboxec.adapters.linux.LandlockNative from
 * tables, so that no symbol but JNI_OnLoad leaves the library. */
#include "sandboxec.h"

#define NATIVE_CLASS "dev/sandboxec/adapters/linux/LandlockNative"

__attribute__((visibility("default"))) JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass clazz = (*env)->FindClass(env, NATIVE_CLASS);
    if (clazz == NULL) {
        return JNI_ERR;
    }
    if (sbx_register_landlock(env, clazz) != 0 || sbx_register_exec(env, clazz) != 0 ||
        sbx_register_errno(env, clazz) != 0 || sbx_register_files(env, clazz) != 0) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}
