package dev.centrifugo4j.token;

/** The JWT algorithms Centrifugo verifies (no PS*, no {@code none}). */
public enum SigningAlgorithm {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    ES256,
    ES384,
    ES512;

    /** Whether this is an HMAC algorithm (a shared secret; Centrifugo's {@code hmac_secret_key}). */
    public boolean isHmac() {
        return name().startsWith("HS");
    }

    /** Whether this is an RSA algorithm (Centrifugo's {@code rsa_public_key}). */
    public boolean isRsa() {
        return name().startsWith("RS");
    }

    /** Whether this is an ECDSA algorithm (Centrifugo's {@code ecdsa_public_key}). */
    public boolean isEcdsa() {
        return name().startsWith("ES");
    }
}
