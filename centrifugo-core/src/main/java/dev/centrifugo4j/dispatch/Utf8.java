package dev.centrifugo4j.dispatch;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629), which Jackson's parser does not fully do: it
 * reads the overlong {@code C0 AF} as {@code /} and code points above U+10FFFF without complaint.
 * Overlong forms are the classic way around a check that looks for a character by its shortest
 * encoding, so a body with any of them is refused before it is parsed. Allocates nothing; ASCII,
 * which is what Centrifugo's envelopes mostly are, takes one comparison per byte.
 */
final class Utf8 {

    private Utf8() {}

    /**
     * Whether the bytes are well-formed UTF-8: no overlong forms, no surrogates (U+D800 to U+DFFF),
     * nothing above U+10FFFF, no stray or missing continuation bytes.
     *
     * @param bytes the bytes
     * @return whether they are well-formed
     */
    static boolean isValid(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2) {
                return false; // a continuation byte without a lead, or an overlong two-byte form (C0, C1)
            }
            if (b < 0xE0) {
                if (!continuation(bytes, i + 1, 0x80, 0xBF)) {
                    return false;
                }
                i += 2;
            } else if (b < 0xF0) {
                // E0: no overlong forms below U+0800; ED: no surrogates.
                int low = (b == 0xE0) ? 0xA0 : 0x80;
                int high = (b == 0xED) ? 0x9F : 0xBF;
                if (!continuation(bytes, i + 1, low, high) || !continuation(bytes, i + 2, 0x80, 0xBF)) {
                    return false;
                }
                i += 3;
            } else if (b < 0xF5) {
                // F0: no overlong forms below U+10000; F4: nothing above U+10FFFF.
                int low = (b == 0xF0) ? 0x90 : 0x80;
                int high = (b == 0xF4) ? 0x8F : 0xBF;
                if (!continuation(bytes, i + 1, low, high)
                        || !continuation(bytes, i + 2, 0x80, 0xBF)
                        || !continuation(bytes, i + 3, 0x80, 0xBF)) {
                    return false;
                }
                i += 4;
            } else {
                return false; // F5 to FF never occur
            }
        }
        return true;
    }

    private static boolean continuation(byte[] bytes, int index, int low, int high) {
        if (index >= bytes.length) {
            return false;
        }
        int b = bytes[index] & 0xFF;
        return b >= low && b <= high;
    }
}
