package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.codegen.StringLiterals.ControlEscapes;
import org.junit.jupiter.api.Test;

class StringLiteralsTests {

    @Test
    void escapeQuotesBackslashesAndLineEndsAlikeInEveryLanguage() {
        for (ControlEscapes controls : ControlEscapes.values()) {
            assertThat(StringLiterals.doubleQuoted("say \"hi\"\\\r\n", controls))
                    .isEqualTo("\"say \\\"hi\\\"\\\\\\r\\n\"");
        }
    }

    @Test
    void writeOtherControlCharactersInHexForPythonAndGo() {
        assertThat(StringLiterals.doubleQuoted("a\tb\u0001c\u007fd", ControlEscapes.HEX))
                .isEqualTo("\"a\\tb\\x01c\\x7fd\"");
    }

    @Test
    void writeOtherControlCharactersAsUnicodeEscapesForJavaScriptAndLeaveDelete() {
        assertThat(StringLiterals.doubleQuoted("a\tb\u0001c\u007fd", ControlEscapes.UNICODE))
                .isEqualTo("\"a\\u0009b\\u0001c\u007fd\"");
    }

    @Test
    void leaveEverythingElseAsItIs() {
        assertThat(StringLiterals.doubleQuoted("é ☃ ` $ '", ControlEscapes.HEX)).isEqualTo("\"é ☃ ` $ '\"");
    }
}
