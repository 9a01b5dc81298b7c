package dev.sandboxec.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever a user types, the parsers either succeed or throw the domain's parse error, and never hang. */
class ParserProperties {
    private static final int TRIES = 10_000;

    @Property(tries = TRIES)
    void netRuleParsingOnlyEverThrowsInvalidRule(@ForAll("ruleLike") String text) {
        try {
            NetRule rule = NetRule.parse(text);
            assertThat(rule.port().value()).isBetween(0, 65_535);
            assertThat(NetRule.parse(rule.toString())).isEqualTo(rule);
        } catch (InvalidRuleException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = TRIES)
    void fsRuleParsingOnlyEverThrowsInvalidRule(@ForAll("ruleLike") String text) {
        try {
            FsRule rule = FsRule.parse(text, RuleParsingTest.ENV);
            assertThat(rule.path()).isNotEmpty();
        } catch (InvalidRuleException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = TRIES)
    void everyPortInRangeRoundTrips(@ForAll @IntRange(min = 0, max = 65_535) int port) {
        assertThat(Port.parse(Integer.toString(port)).value()).isEqualTo(port);
    }

    @Property(tries = TRIES)
    void everyPortAboveRangeIsRefused(@ForAll @IntRange(min = 65_536) int port) {
        assertThat(catchInvalid(() -> Port.parse(Integer.toString(port)))).isTrue();
    }

    @Property(tries = TRIES)
    void anyTextWithANonDigitIsNotAPort(@ForAll("ruleLike") String text) {
        boolean digitsOnly = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digitsOnly) {
            assertThat(catchInvalid(() -> Port.parse(text))).isTrue();
        }
    }

    @Provide
    Arbitrary<String> ruleLike() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> alphabet = Arbitraries.strings().withChars("rwxbc:_-0123456789$~{}/ \t\n+*xX٠").ofMaxLength(20);
        Arbitrary<String> prefixed = Arbitraries.of("r", "rx", "w", "rw", "rwx", "b", "c", "bc", "cb", "read", "BIND")
                .flatMap(rights -> alphabet.map(rest -> rights + ":" + rest));
        return Arbitraries.oneOf(anything, alphabet, prefixed);
    }

    private static boolean catchInvalid(Runnable parse) {
        try {
            parse.run();
            return false;
        } catch (InvalidRuleException e) {
            return true;
        }
    }
}
