package dev.sandboxec.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostEnvironmentTest {
    final HostEnvironment environment = new HostEnvironment();

    @Test
    void readsTheSameVariablesAsTheJvm() {
        System.getenv().forEach((name, value) -> {
            if (value.chars().allMatch(c -> c < 128)) {
                assertThat(environment.variable(name)).as(name).contains(value);
            }
        });
        assertThat(environment.variable("SANDBOXEC_SURELY_UNSET_VARIABLE")).isEmpty();
    }

    @Test
    void homeIsHomeWhenSet() {
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            assertThat(environment.home()).isEmpty();
        } else {
            assertThat(environment.home()).contains(home);
        }
    }
}
