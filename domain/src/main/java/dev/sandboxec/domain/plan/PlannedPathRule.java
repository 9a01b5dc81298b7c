package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.policy.FsRule;

/**
 * A path rule as it goes to the kernel.
 *
 * @param requested the Landlock rights the rights word means (file rights only for a non-directory)
 * @param granted what the ruleset will allow: {@code requested} limited to the handled rights
 */
public record PlannedPathRule(FsRule rule, boolean directory, long requested, long granted) {
}
