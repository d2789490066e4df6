package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Tests {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** What the JDK's strict decoder says, the reference. */
    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException ex) {
            return false;
        }
    }

    @Test
    void acceptsEveryWellFormedCodePointAtTheBoundariesOfItsLength() {
        for (int codePoint : new int[] {0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF}) {
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.isValid(bytes)).as("U+%04X", codePoint).isTrue();
        }
        assertThat(Utf8.isValid("{\"text\":\"héllo € 𝄞\"}".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(Utf8.isValid(new byte[0])).isTrue();
    }

    @Test
    void refusesOverlongFormsSurrogatesCodePointsAboveTheLastAndBrokenSequences() {
        for (String bad : List.of(
                "c0af", // '/' in two bytes
                "c080", // NUL in two bytes
                "c1bf",
                "e080af", // '/' in three bytes
                "e09fbf",
                "f08080af", // '/' in four bytes
                "f08fbfbf",
                "eda080", // U+D800
                "edbfbf", // U+DFFF
                "f4908080", // U+110000
                "f5808080",
                "ff",
                "fe",
                "80", // a continuation byte alone
                "bf",
                "c3", // cut short
                "e282",
                "f09d84",
                "c328", // a lead byte followed by no continuation
                "e228a1",
                "41c3")) {
            assertThat(Utf8.isValid(hex(bad))).as(bad).isFalse();
            assertThat(jdkAccepts(hex(bad))).as("the JDK agrees on %s", bad).isFalse();
        }
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(20260712);
        List<String> disagreements = new java.util.ArrayList<>();
        int valid = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int j = 0; j < bytes.length; j++) {
                // Mostly bytes of multi-byte sequences, where the mistakes are.
                bytes[j] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            boolean expected = jdkAccepts(bytes);
            valid += expected ? 1 : 0;
            if (Utf8.isValid(bytes) != expected) {
                disagreements.add(HexFormat.of().formatHex(bytes));
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(valid).as("well-formed inputs among them").isGreaterThan(5_000);
    }
}
