/*
 * Pinned Landlock UAPI definitions, ABI 1 to 7 (Linux 5.13 to 6.15).
 *
 * Debian 12 ships the 6.1 <linux/landlock.h>: it lacks TRUNCATE (ABI 3), the
 * network rules (ABI 4), IOCTL_DEV (ABI 5), scopes (ABI 6) and the
 * restrict_self log flags (ABI 7). The kernel keeps these values stable, so
 * they are defined here once instead of being taken from the host.
 */
#ifndef SANDBOXEC_LANDLOCK_UAPI_H
#define SANDBOXEC_LANDLOCK_UAPI_H

#include <stdint.h>
#include <sys/syscall.h>

#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#endif
#ifndef __NR_landlock_add_rule
#define __NR_landlock_add_rule 445
#endif
#ifndef __NR_landlock_restrict_self
#define __NR_landlock_restrict_self 446
#endif

#define SBX_LANDLOCK_CREATE_RULESET_VERSION (1U << 0)

#define SBX_LANDLOCK_RULE_PATH_BENEATH 1
#define SBX_LANDLOCK_RULE_NET_PORT 2

/* Grown over the ABIs: handled_access_net came with ABI 4, scoped with 6. */
struct sbx_landlock_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

struct sbx_landlock_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

struct sbx_landlock_net_port_attr {
    uint64_t allowed_access;
    uint64_t port;
};

#endif
