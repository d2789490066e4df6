package dev.centrifugo4j.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code version} of a contract: the SHA-256, in lower-case hex, of the text that describes it. The
 * annotation processor hashes the contract's entries and definitions, {@link Contracts#merge} the sorted
 * versions of the parts it merges, so that the version changes whenever the wire does.
 *
 * <p>Needs nothing but the JDK: the annotation processor, which runs without Jackson, uses it too.
 */
public final class ContractVersion {

    private ContractVersion() {}

    /**
     * The version of the contract the text describes.
     *
     * @param text the text, hashed as UTF-8
     * @return 64 lower-case hex digits
     */
    public static String of(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }
}
