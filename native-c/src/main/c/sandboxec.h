/* Internal declarations shared by the JNI translation units. */
#ifndef SANDBOXEC_H
#define SANDBOXEC_H

#include <jni.h>

/* Each family registers its natives on the LandlockNative class. */
int sbx_register_landlock(JNIEnv *env, jclass clazz);
int sbx_register_exec(JNIEnv *env, jclass clazz);
int sbx_register_errno(JNIEnv *env, jclass clazz);
int sbx_register_files(JNIEnv *env, jclass clazz);

#endif
