package dev.centrifugo4j.token;

import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues connection and subscription tokens (JWT) that Centrifugo verifies: HS256/384/512 with
 * Centrifugo's {@code client.token.hmac_secret_key}, RS256/384/512 with its {@code rsa_public_key},
 * ES256/384/512 with its {@code ecdsa_public_key}. Thread-safe.
 *
 * <pre>{@code
 * CentrifugoTokens tokens = CentrifugoTokens.hmac(secret);
 * String jwt = tokens.connectionToken("42", Duration.ofHours(1));
 * String sub = tokens.subscriptionToken("42", "$secret:room1", Duration.ofMinutes(10));
 *
 * CentrifugoTokens rsa = CentrifugoTokens.privateKey(SigningAlgorithm.RS256, privateKeyPem);
 * String rich = rsa.connectionToken(ConnectionClaims.of("42")
 *         .withExpiresIn(Duration.ofHours(1))
 *         .withInfo(new UserInfo("Alice")));
 * }</pre>
 *
 * <p>Payloads of {@code info}, {@code data} and {@code meta} are written with the {@link
 * JsonMapper} given to {@link #withJsonMapper} (the application's, in Spring Boot).
 *
 * <p>Refused, so that tokens can be neither forged nor kept for ever: HMAC secrets shorter than the
 * hash ({@link #minHmacSecretBytes}), RSA keys under {@value #MIN_RSA_KEY_BITS} bits, and connection
 * tokens without {@code exp} (unless asked for by name, {@link #insecureConnectionTokenWithoutExpiry}).
 */
public final class CentrifugoTokens {

    /**
     * The shortest HMAC secret accepted for HS256: RFC 7518 (section 3.2) wants a key at least as
     * long as the hash, so HS384 needs 48 bytes and HS512 64 (see {@link #minHmacSecretBytes}).
     */
    public static final int MIN_HMAC_SECRET_BYTES = 32;

    /** The smallest RSA key accepted, in bits: RFC 7518 (section 3.3) and NIST SP 800-131A want 2048. */
    public static final int MIN_RSA_KEY_BITS = 2048;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningAlgorithm signingAlgorithm;

    private final Algorithm algorithm;

    private final Clock clock;

    private final JsonMapper mapper;

    private final @Nullable String issuer;

    private final List<String> audience;

    private final byte[] header;

    private CentrifugoTokens(
            SigningAlgorithm signingAlgorithm,
            Algorithm algorithm,
            Clock clock,
            JsonMapper mapper,
            @Nullable String issuer,
            List<String> audience) {
        this.signingAlgorithm = signingAlgorithm;
        this.algorithm = algorithm;
        this.clock = clock;
        this.mapper = mapper;
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
        String headerJson = "{\"alg\":\"" + signingAlgorithm.name() + "\",\"typ\":\"JWT\"}";
        this.header = BASE64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The shortest secret accepted for an HMAC algorithm: as many bytes as its hash, 32 for HS256,
     * 48 for HS384, 64 for HS512 (RFC 7518, section 3.2).
     *
     * @param algorithm HS256, HS384 or HS512
     * @return the number of bytes
     */
    public static int minHmacSecretBytes(SigningAlgorithm algorithm) {
        return switch (algorithm) {
            case HS384 -> 48;
            case HS512 -> 64;
            case HS256 -> MIN_HMAC_SECRET_BYTES;
            default ->
                throw new IllegalArgumentException("'algorithm' must be HS256, HS384 or HS512, was " + algorithm);
        };
    }

    /**
     * Tokens signed with HS256.
     *
     * @param secret the same value as Centrifugo's {@code client.token.hmac_secret_key}, at least 32
     *     bytes
     * @return the issuer
     */
    public static CentrifugoTokens hmac(String secret) {
        return hmac(SigningAlgorithm.HS256, secret);
    }

    /**
     * Tokens signed with HS256, timed by the given clock.
     *
     * @param secret the same value as Centrifugo's {@code client.token.hmac_secret_key}
     * @param clock the clock for {@code iat} and {@code exp}
     * @return the issuer
     */
    public static CentrifugoTokens hmac(String secret, Clock clock) {
        return hmac(secret).withClock(clock);
    }

    /**
     * Tokens signed with an HMAC algorithm. Centrifugo uses the secret's raw string bytes (UTF-8),
     * not a base64 decoding of it.
     *
     * @param algorithm HS256, HS384 or HS512
     * @param secret Centrifugo's {@code client.token.hmac_secret_key}, at least as many bytes as the
     *     algorithm's hash: 32 for HS256, 48 for HS384, 64 for HS512
     * @return the issuer
     * @throws IllegalArgumentException when the secret is shorter
     */
    public static CentrifugoTokens hmac(SigningAlgorithm algorithm, String secret) {
        if (algorithm == null || !algorithm.isHmac()) {
            throw new IllegalArgumentException("'algorithm' must be HS256, HS384 or HS512, was " + algorithm);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("'secret' must not be empty");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        int minBytes = minHmacSecretBytes(algorithm);
        if (key.length < minBytes) {
            throw new IllegalArgumentException("'secret' must be at least " + minBytes + " bytes for " + algorithm
                    + ", was " + key.length + " bytes: a short HMAC secret can be brute-forced from one token."
                    + " Generate one with 'openssl rand -hex " + minBytes + "' and set it in Centrifugo too.");
        }
        Algorithm signer = switch (algorithm) {
            case HS384 -> Algorithm.HMAC384(key);
            case HS512 -> Algorithm.HMAC512(key);
            default -> Algorithm.HMAC256(key);
        };
        return create(algorithm, signer);
    }

    /**
     * Tokens signed with an RSA or ECDSA private key; Centrifugo verifies them with the matching
     * public key ({@code client.token.rsa_public_key} or {@code ecdsa_public_key}).
     *
     * @param algorithm RS256/384/512 (RSA key of at least {@value #MIN_RSA_KEY_BITS} bits) or ES256
     *     (P-256), ES384 (P-384), ES512 (P-521)
     * @param key the private key
     * @return the issuer
     * @throws IllegalArgumentException when the key does not fit the algorithm or is too small
     */
    public static CentrifugoTokens privateKey(SigningAlgorithm algorithm, PrivateKey key) {
        if (algorithm == null || algorithm.isHmac()) {
            throw new IllegalArgumentException(
                    "'algorithm' must be an RS* or ES* algorithm, was " + algorithm + " (use hmac(...) for HS*)");
        }
        if (algorithm.isRsa()) {
            if (!(key instanceof RSAPrivateKey rsa)) {
                throw new IllegalArgumentException("'key' must be an RSA private key for " + algorithm);
            }
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_KEY_BITS) {
                throw new IllegalArgumentException("'key' is a " + bits + "-bit RSA key, but " + algorithm
                        + " needs at least " + MIN_RSA_KEY_BITS + " bits (RFC 7518; smaller keys can be factored)."
                        + " Generate one with 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:"
                        + MIN_RSA_KEY_BITS + "' and give Centrifugo its public key.");
            }
            Algorithm signer = switch (algorithm) {
                case RS384 -> Algorithm.RSA384(null, rsa);
                case RS512 -> Algorithm.RSA512(null, rsa);
                default -> Algorithm.RSA256(null, rsa);
            };
            return create(algorithm, signer);
        }
        if (!(key instanceof ECPrivateKey ec)) {
            throw new IllegalArgumentException("'key' must be an EC private key for " + algorithm);
        }
        int curveBits = ec.getParams().getCurve().getField().getFieldSize();
        int expectedBits = switch (algorithm) {
            case ES384 -> 384;
            case ES512 -> 521;
            default -> 256;
        };
        if (curveBits != expectedBits) {
            throw new IllegalArgumentException(
                    "'key' is on a " + curveBits + "-bit curve, but " + algorithm + " needs P-" + expectedBits);
        }
        Algorithm signer = switch (algorithm) {
            case ES384 -> Algorithm.ECDSA384(null, ec);
            case ES512 -> Algorithm.ECDSA512(null, ec);
            default -> Algorithm.ECDSA256(null, ec);
        };
        return create(algorithm, signer);
    }

    /**
     * Tokens signed with a private key in PEM form ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8, as
     * {@code openssl genpkey} writes it).
     *
     * @param algorithm RS* or ES*
     * @param pem the PKCS#8 PEM text
     * @return the issuer
     */
    public static CentrifugoTokens privateKey(SigningAlgorithm algorithm, String pem) {
        if (algorithm == null || algorithm.isHmac()) {
            throw new IllegalArgumentException("'algorithm' must be an RS* or ES* algorithm, was " + algorithm);
        }
        return privateKey(algorithm, parsePrivateKey(pem, algorithm.isRsa() ? "RSA" : "EC"));
    }

    /**
     * Tokens signed with a private key in PEM form, the algorithm chosen by the key: RS256 for an
     * RSA key, ES256/ES384/ES512 for an EC key on P-256/P-384/P-521.
     *
     * @param pem the PKCS#8 PEM text
     * @return the issuer
     */
    public static CentrifugoTokens privateKey(String pem) {
        PrivateKey key;
        try {
            key = parsePrivateKey(pem, "RSA");
        } catch (IllegalArgumentException notRsa) {
            key = parsePrivateKey(pem, "EC");
        }
        if (key instanceof RSAPrivateKey) {
            return privateKey(SigningAlgorithm.RS256, key);
        }
        int curveBits = ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize();
        SigningAlgorithm algorithm = switch (curveBits) {
            case 384 -> SigningAlgorithm.ES384;
            case 521 -> SigningAlgorithm.ES512;
            default -> SigningAlgorithm.ES256;
        };
        return privateKey(algorithm, key);
    }

    private static CentrifugoTokens create(SigningAlgorithm algorithm, Algorithm signer) {
        return new CentrifugoTokens(
                algorithm, signer, Clock.systemUTC(), JsonMapper.builder().build(), null, List.of());
    }

    static PrivateKey parsePrivateKey(String pem, String keyAlgorithm) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("'pem' must not be empty");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("'pem' is a PKCS#1/SEC1 key; convert it to PKCS#8 with"
                    + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException ex) {
            throw new IllegalArgumentException(
                    "'pem' is not a PKCS#8 " + keyAlgorithm + " private key (-----BEGIN PRIVATE KEY-----)", ex);
        }
    }

    /** These tokens, timed by another clock (for {@code iat}, {@code exp}). */
    public CentrifugoTokens withClock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("'clock' must not be null");
        }
        return new CentrifugoTokens(
                this.signingAlgorithm, this.algorithm, clock, this.mapper, this.issuer, this.audience);
    }

    /** These tokens, writing {@code info}, {@code data} and {@code meta} with the given mapper. */
    public CentrifugoTokens withJsonMapper(JsonMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("'mapper' must not be null");
        }
        return new CentrifugoTokens(
                this.signingAlgorithm, this.algorithm, this.clock, mapper, this.issuer, this.audience);
    }

    /** These tokens with a default {@code iss} (claims may set their own). */
    public CentrifugoTokens withIssuer(@Nullable String issuer) {
        return new CentrifugoTokens(
                this.signingAlgorithm, this.algorithm, this.clock, this.mapper, issuer, this.audience);
    }

    /** These tokens with a default {@code aud} (claims may set their own). */
    public CentrifugoTokens withAudience(List<String> audience) {
        return new CentrifugoTokens(
                this.signingAlgorithm, this.algorithm, this.clock, this.mapper, this.issuer, audience);
    }

    /** The algorithm tokens are signed with. */
    public SigningAlgorithm algorithm() {
        return this.signingAlgorithm;
    }

    /**
     * A connection token for a user.
     *
     * @param user the user ID ({@code sub}); empty for an anonymous connection
     * @param ttl how long the token is valid ({@code exp} = now + ttl)
     * @return the signed JWT
     */
    public String connectionToken(String user, Duration ttl) {
        if (user == null) {
            throw new IllegalArgumentException("'user' must not be null");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be positive");
        }
        return connectionToken(ConnectionClaims.of(user).withExpiresIn(ttl));
    }

    /**
     * A connection token with any of the claims Centrifugo reads. The claims must set an expiry
     * ({@link ConnectionClaims#withExpiresIn}): a token without {@code exp} lets whoever holds it
     * connect as the user for ever, whatever happens to the user's session or account.
     *
     * @param claims the claims, with {@code expiresIn}
     * @return the signed JWT
     * @throws IllegalArgumentException when the claims set no expiry (see {@link
     *     #insecureConnectionTokenWithoutExpiry} for the rare token that must not expire)
     */
    public String connectionToken(ConnectionClaims claims) {
        if (claims == null) {
            throw new IllegalArgumentException("'claims' must not be null");
        }
        if (claims.expiresIn() == null) {
            throw new IllegalArgumentException("'claims' set no expiry: a connection token without 'exp' is valid"
                    + " for ever, even after the user logged out or was deleted. Set one with"
                    + " ConnectionClaims.withExpiresIn(...) (the SDK fetches a fresh token with its getToken callback),"
                    + " or call insecureConnectionTokenWithoutExpiry(...) if the token really must never expire.");
        }
        return signConnectionToken(claims);
    }

    /**
     * A connection token that may lack {@code exp}: valid for ever, it cannot be revoked except by
     * changing the signing key (for every user). Only for what cannot fetch a fresh token, such as a
     * device provisioned once, and never for a user's browser.
     *
     * @param claims the claims, with or without {@code expiresIn}
     * @return the signed JWT
     */
    public String insecureConnectionTokenWithoutExpiry(ConnectionClaims claims) {
        if (claims == null) {
            throw new IllegalArgumentException("'claims' must not be null");
        }
        return signConnectionToken(claims);
    }

    private String signConnectionToken(ConnectionClaims claims) {
        Instant now = this.clock.instant();
        ObjectNode payload = this.mapper.createObjectNode();
        payload.put("sub", claims.subject());
        putTimes(payload, now, claims.expiresIn());
        if (claims.notBefore() != null) {
            payload.put("nbf", claims.notBefore().getEpochSecond());
        }
        putText(payload, "jti", claims.jwtId());
        putAudience(payload, claims.audience());
        putText(payload, "iss", claims.issuer() != null ? claims.issuer() : this.issuer);
        putValue(payload, "info", claims.info());
        putText(payload, "b64info", claims.b64info());
        if (!claims.channels().isEmpty()) {
            ArrayNode channels = payload.putArray("channels");
            claims.channels().forEach(channels::add);
        }
        if (!claims.subs().isEmpty()) {
            ObjectNode subs = payload.putObject("subs");
            claims.subs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                ServerSubscription sub = entry.getValue();
                ObjectNode json = subs.putObject(entry.getKey());
                putValue(json, "info", sub.info());
                putText(json, "b64info", sub.b64info());
                putValue(json, "data", sub.data());
                putText(json, "b64data", sub.b64data());
                if (sub.override() != null) {
                    putValue(json, "override", sub.override().toClaims());
                }
            });
        }
        putValue(payload, "meta", claims.meta());
        if (claims.expireAt() != null) {
            payload.put("expire_at", claims.expireAt());
        }
        return sign(payload);
    }

    /**
     * A subscription token that lets {@code user} into {@code channel}.
     *
     * @param user the connection's user ID ({@code sub}); empty for anonymous
     * @param channel the channel
     * @param ttl how long the token is valid
     * @return the signed JWT
     */
    public String subscriptionToken(String user, String channel, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be positive");
        }
        return subscriptionToken(SubscriptionClaims.of(user, channel).withExpiresIn(ttl));
    }

    /**
     * A subscription token with any of the claims Centrifugo reads.
     *
     * @param claims the claims
     * @return the signed JWT
     */
    public String subscriptionToken(SubscriptionClaims claims) {
        if (claims == null) {
            throw new IllegalArgumentException("'claims' must not be null");
        }
        Instant now = this.clock.instant();
        ObjectNode payload = this.mapper.createObjectNode();
        payload.put("sub", claims.subject());
        payload.put("channel", claims.channel());
        putText(payload, "client", claims.client());
        putTimes(payload, now, claims.expiresIn());
        putText(payload, "jti", claims.jwtId());
        putAudience(payload, claims.audience());
        putText(payload, "iss", claims.issuer() != null ? claims.issuer() : this.issuer);
        putValue(payload, "info", claims.info());
        putText(payload, "b64info", claims.b64info());
        putValue(payload, "data", claims.data());
        putText(payload, "b64data", claims.b64data());
        if (claims.override() != null) {
            putValue(payload, "override", claims.override().toClaims());
        }
        if (claims.expireAt() != null) {
            payload.put("expire_at", claims.expireAt());
        }
        return sign(payload);
    }

    private String sign(ObjectNode payload) {
        byte[] body = BASE64URL.encode(this.mapper.writeValueAsBytes(payload));
        byte[] signature = this.algorithm.sign(this.header, body);
        return new String(this.header, StandardCharsets.US_ASCII) + "." + new String(body, StandardCharsets.US_ASCII)
                + "." + BASE64URL.encodeToString(signature);
    }

    private static void putTimes(ObjectNode payload, Instant now, @Nullable Duration expiresIn) {
        payload.put("iat", now.getEpochSecond());
        if (expiresIn != null) {
            payload.put("exp", now.plus(expiresIn).getEpochSecond());
        }
    }

    private void putAudience(ObjectNode payload, List<String> claimed) {
        List<String> audience = claimed.isEmpty() ? this.audience : claimed;
        if (audience.size() == 1) {
            payload.put("aud", audience.get(0));
        } else if (!audience.isEmpty()) {
            ArrayNode array = payload.putArray("aud");
            audience.forEach(array::add);
        }
    }

    private void putValue(ObjectNode payload, String name, @Nullable Object value) {
        if (value != null) {
            payload.set(name, value instanceof JsonNode node ? node : this.mapper.valueToTree(value));
        }
    }

    private static void putText(ObjectNode payload, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            payload.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "CentrifugoTokens[" + this.signingAlgorithm + "]";
    }
}
