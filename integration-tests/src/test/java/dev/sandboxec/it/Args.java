package dev.sandboxec.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds {@code sandboxec OPTIONS -- COMMAND}. */
final class Args {
    private Args() {
    }

    static String[] of(List<String> options, String... command) {
        List<String> all = new ArrayList<>(options);
        all.add("--");
        all.addAll(Arrays.asList(command));
        return all.toArray(new String[0]);
    }

    static List<String> options(String... options) {
        return List.of(options);
    }
}
