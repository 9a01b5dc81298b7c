package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.policy.NetRule;

/** A port rule as it goes to the kernel, with the {@code LANDLOCK_ACCESS_NET_*} rights granted. */
public record PlannedPortRule(NetRule rule, long granted) {
}
