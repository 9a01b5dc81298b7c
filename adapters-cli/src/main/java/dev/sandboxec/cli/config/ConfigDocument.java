package dev.sandboxec.cli.config;

import dev.sandboxec.domain.policy.FsRule;
import dev.sandboxec.domain.policy.NetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One validated config file or bundled profile: each key is empty when the
 * document does not set it.
 *
 * @param source where it came from, for messages: a path or {@code profile NAME}
 */
public record ConfigDocument(
        String source,
        Optional<Integer> abi,
        Optional<Boolean> bestEffort,
        Optional<Boolean> ignoreIfMissing,
        Optional<Boolean> restrictScoped,
        Optional<List<FsRule>> fs,
        Optional<List<NetRule>> net) {

    /** This document's lists followed by {@code child}'s; {@code child}'s scalars win. */
    ConfigDocument extendedBy(ConfigDocument child) {
        return new ConfigDocument(child.source, child.abi.or(() -> abi), child.bestEffort.or(() -> bestEffort),
                child.ignoreIfMissing.or(() -> ignoreIfMissing), child.restrictScoped.or(() -> restrictScoped),
                concat(fs, child.fs), concat(net, child.net));
    }

    private static <T> Optional<List<T>> concat(Optional<List<T>> first, Optional<List<T>> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return first.isEmpty() ? second : first;
        }
        List<T> all = new ArrayList<>(first.get());
        all.addAll(second.get());
        return Optional.of(List.copyOf(all));
    }
}
