package dev.sandboxec.domain.plan;

import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.port.FileSystem.PathKind;

/** A filesystem rule with what its path names on disk right now. */
public record PathTarget(FsRule rule, PathKind kind) {
}
