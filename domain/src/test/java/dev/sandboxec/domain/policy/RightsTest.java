package dev.sandboxec.domain.policy;

import static dev.sandboxec.domain.landlock.FsAccess.EXECUTE;
import static dev.sandboxec.domain.landlock.FsAccess.READ_DIR;
import static dev.sandboxec.domain.landlock.FsAccess.READ_FILE;
import static dev.sandboxec.domain.landlock.FsAccess.WRITE_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxec.domain.landlock.FsAccess;
import dev.sandboxec.domain.landlock.NetAccess;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RightsTest {
    @ParameterizedTest
    @CsvSource({
        "r, READ", "read, READ", "R, READ", "Read, READ",
        "rx, READ_EXEC", "read_exec, READ_EXEC", "RX, READ_EXEC",
        "w, WRITE", "write, WRITE", "W, WRITE",
        "rw, READ_WRITE", "read_write, READ_WRITE", "RW, READ_WRITE",
        "rwx, READ_WRITE_EXEC", "read_write_exec, READ_WRITE_EXEC", "RWX, READ_WRITE_EXEC",
    })
    void everyFsSpellingParsesCaseInsensitively(String word, FsRights expected) {
        assertThat(FsRights.parse(word)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "b, BIND", "bind, BIND", "B, BIND",
        "c, CONNECT", "connect, CONNECT", "CONNECT, CONNECT",
        "bc, BIND_CONNECT", "cb, BIND_CONNECT", "bind_connect, BIND_CONNECT", "CB, BIND_CONNECT",
    })
    void everyNetSpellingParsesCaseInsensitively(String word, NetRights expected) {
        assertThat(NetRights.parse(word)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "rwxx", "wr", "xr", "readwrite", "bc", " r"})
    void unknownFsRightsNameTheWordAndTheForms(String word) {
        assertThatThrownBy(() -> FsRights.parse(word)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'" + word + "'").hasMessageContaining(FsRights.FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r", "bcb", "listen", "bindconnect", "c "})
    void unknownNetRightsNameTheWordAndTheForms(String word) {
        assertThatThrownBy(() -> NetRights.parse(word)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("'" + word + "'").hasMessageContaining(NetRights.FORMS);
    }

    @org.junit.jupiter.api.Test
    void rightsMapToTheDocumentedLandlockBits() {
        assertThat(FsRights.READ.accesses()).containsExactlyInAnyOrder(READ_FILE, READ_DIR);
        assertThat(FsRights.READ_EXEC.accesses()).containsExactlyInAnyOrder(READ_FILE, READ_DIR, EXECUTE);
        assertThat(FsRights.WRITE.accesses()).doesNotContain(READ_FILE, EXECUTE).contains(WRITE_FILE, READ_DIR)
                .hasSize(14);
        assertThat(FsRights.READ_WRITE.accesses()).isEqualTo(EnumSet.complementOf(EnumSet.of(EXECUTE)));
        assertThat(FsRights.READ_WRITE_EXEC.accesses()).isEqualTo(EnumSet.allOf(FsAccess.class));
        assertThat(NetRights.BIND_CONNECT.mask()).isEqualTo(NetAccess.all());
        assertThat(NetRights.BIND.mask()).isEqualTo(1L);
        assertThat(NetRights.CONNECT.mask()).isEqualTo(2L);
    }
}
