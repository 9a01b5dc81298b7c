package dev.sandboxec.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxec.domain.port.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParsingTest {
    static final Environment ENV = new MapEnvironment(Map.of("HOME", "/home/u", "PROJECT", "/src/p", "EMPTY", ""));

    @Test
    void fsRuleSplitsAtTheFirstColon() {
        FsRule rule = FsRule.parse("rw:/data/a:b:c", ENV);

        assertThat(rule.rights()).isEqualTo(FsRights.READ_WRITE);
        assertThat(rule.path()).isEqualTo("/data/a:b:c");
    }

    @ParameterizedTest
    @CsvSource({
        "r:~, /home/u",
        "r:~/x, /home/u/x",
        "r:$HOME/x, /home/u/x",
        "r:${PROJECT}/build, /src/p/build",
        "r:$PROJECT$PROJECT, /src/p/src/p",
        "r:/a/~/b, /a/~/b",
        "r:~user, ~user",
        "r:/cost$, /cost$",
        "r:/a$/b, /a$/b",
        "r:/x$EMPTY, /x",
    })
    void pathsAreExpandedLikeAShellWord(String text, String expected) {
        assertThat(FsRule.parse(text, ENV).path()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r:$UNSET/x", "r:${UNSET}", "r:${", "r:${1X}", "r:${}"})
    void badOrUnsetVariablesAreErrors(String text) {
        assertThatThrownBy(() -> FsRule.parse(text, ENV)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining(text);
    }

    @Test
    void tildeWithoutHomeIsAnError() {
        assertThatThrownBy(() -> FsRule.parse("r:~/x", new MapEnvironment(Map.of())))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("HOME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/usr", "rx", "rx:", "q:/usr", ":/usr"})
    void malformedFsRulesNameTheTextAndTheFormat(String text) {
        assertThatThrownBy(() -> FsRule.parse(text, ENV)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void netRuleParses() {
        assertThat(NetRule.parse("c:443")).isEqualTo(new NetRule(NetRights.CONNECT, new Port(443)));
        assertThat(NetRule.parse("cb:0")).isEqualTo(NetRule.parse("bc:0"));
        assertThat(NetRule.parse("bind:65535").port().value()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c:65536", "c:-1", "c:abc", "c:", "c:80-90", "c:*", "c:0x50", "c: 80", "c:80 ", "c:+80",
        "c:1e3", "c:99999999999999999999", "443", "c443", "x:80", "c:８０"})
    void badNetRulesAreRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> NetRule.parse(text)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void portCannotExistOutsideItsRange() {
        assertThatThrownBy(() -> new Port(-1)).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> new Port(65_536)).isInstanceOf(InvalidRuleException.class);
        assertThat(Port.parse("00080").value()).isEqualTo(80);
    }

    record MapEnvironment(Map<String, String> values) implements Environment {
        @Override
        public Optional<String> variable(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public Optional<String> home() {
            return variable("HOME");
        }
    }
}
