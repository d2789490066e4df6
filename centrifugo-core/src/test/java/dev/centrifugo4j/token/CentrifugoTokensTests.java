package dev.centrifugo4j.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.centrifugo4j.api.SubscriptionOverride;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentrifugoTokensTests {

    private static final String SECRET = "a-secret-of-more-than-thirty-two-bytes-0123";

    /** 64 bytes: long enough for HS512. */
    private static final String LONG_SECRET = "0123456789abcdef".repeat(4);

    private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);

    private static final CentrifugoTokens tokens = CentrifugoTokens.hmac(SECRET, CLOCK);

    private static DecodedJWT verified(String token, Algorithm algorithm) {
        return JWT.require(algorithm).withClaimPresence("sub").build().verify(token);
    }

    @Nested
    class HmacSecrets {

        @Test
        void aSecretShorterThan32BytesIsRefusedWithAClearMessage() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.hmac("too-short-secret"))
                    .withMessageContaining("'secret' must be at least 32 bytes for HS256, was 16 bytes")
                    .withMessageContaining("openssl rand -hex 32");
        }

        @Test
        void exactly32BytesAreAccepted() {
            assertThat(CentrifugoTokens.hmac("x".repeat(32)).algorithm()).isEqualTo(SigningAlgorithm.HS256);
        }

        @ParameterizedTest(name = "{0} needs {1} bytes")
        @CsvSource({"HS256, 32", "HS384, 48", "HS512, 64"})
        void eachAlgorithmNeedsASecretAsLongAsItsHash(SigningAlgorithm algorithm, int bytes) {
            assertThat(CentrifugoTokens.minHmacSecretBytes(algorithm)).isEqualTo(bytes);
            assertThat(CentrifugoTokens.hmac(algorithm, "x".repeat(bytes)).algorithm())
                    .isEqualTo(algorithm);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.hmac(algorithm, "x".repeat(bytes - 1)))
                    .withMessageContaining("'secret' must be at least " + bytes + " bytes for " + algorithm + ", was "
                            + (bytes - 1) + " bytes")
                    .withMessageContaining("openssl rand -hex " + bytes);
        }

        @Test
        void theSecretIsUsedAsItsRawBytesForEveryHmacAlgorithm() {
            byte[] key = LONG_SECRET.getBytes(StandardCharsets.UTF_8);
            assertThat(verified(
                                    CentrifugoTokens.hmac(SigningAlgorithm.HS384, LONG_SECRET)
                                            .connectionToken("42", Duration.ofMinutes(1)),
                                    Algorithm.HMAC384(key))
                            .getSubject())
                    .isEqualTo("42");
            assertThat(verified(
                                    CentrifugoTokens.hmac(SigningAlgorithm.HS512, LONG_SECRET)
                                            .connectionToken("42", Duration.ofMinutes(1)),
                                    Algorithm.HMAC512(key))
                            .getAlgorithm())
                    .isEqualTo("HS512");
        }

        @Test
        void aNonHmacAlgorithmIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.hmac(SigningAlgorithm.RS256, SECRET))
                    .withMessage("'algorithm' must be HS256, HS384 or HS512, was RS256");
        }
    }

    @Nested
    class ConnectionTokens {

        @Test
        void theShortFormSetsSubjectIssuedAtAndExpiry() {
            DecodedJWT jwt = verified(
                    tokens.connectionToken("42", Duration.ofHours(1)),
                    Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));

            assertThat(jwt.getSubject()).isEqualTo("42");
            assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(CLOCK.instant());
            assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(1)));
        }

        @Test
        void everyClaimCentrifugoReadsIsWritten() {
            String token = tokens.withIssuer("my-app")
                    .connectionToken(ConnectionClaims.of("42")
                            .withExpiresIn(Duration.ofMinutes(5))
                            .withNotBefore(CLOCK.instant())
                            .withJwtId("id-1")
                            .withAudience("centrifugo")
                            .withInfo(Map.of("name", "Alice"))
                            .withB64info("AQID")
                            .withChannels(List.of("personal:42"))
                            .withSubs(Map.of(
                                    "chat:lobby",
                                    ServerSubscription.plain()
                                            .withInfo(Map.of("role", "mod"))
                                            .withData(Map.of("welcome", true))
                                            .withOverride(
                                                    SubscriptionOverride.none().withPresence(true))))
                            .withMeta(Map.of("tenant", "t1"))
                            .withExpireAt(0L));

            DecodedJWT jwt = JWT.decode(token);
            assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(CLOCK.instant());
            assertThat(jwt.getId()).isEqualTo("id-1");
            assertThat(jwt.getAudience()).containsExactly("centrifugo");
            assertThat(jwt.getIssuer()).isEqualTo("my-app");
            assertThat(jwt.getClaim("info").asMap()).containsEntry("name", "Alice");
            assertThat(jwt.getClaim("b64info").asString()).isEqualTo("AQID");
            assertThat(jwt.getClaim("channels").asList(String.class)).containsExactly("personal:42");
            assertThat(payload(token))
                    .contains("\"subs\":{\"chat:lobby\":{\"info\":{\"role\":\"mod\"},\"data\":{\"welcome\":true},"
                            + "\"override\":{\"presence\":{\"value\":true}}}}");
            assertThat(jwt.getClaim("meta").asMap()).containsEntry("tenant", "t1");
            assertThat(jwt.getClaim("expire_at").asLong()).isZero();
        }

        @Test
        void anAnonymousTokenHasAnEmptySubject() {
            assertThat(JWT.decode(tokens.connectionToken("", Duration.ofMinutes(1)))
                            .getSubject())
                    .isEmpty();
        }

        @Test
        void severalAudiencesAreWrittenAsAnArray() {
            String token = tokens.connectionToken(ConnectionClaims.of("1")
                    .withExpiresIn(Duration.ofMinutes(1))
                    .withAudience("a", "b"));

            assertThat(payload(token)).contains("\"aud\":[\"a\",\"b\"]");
        }

        @Test
        void claimsWithoutExpiryAreRefusedWithWhatToDo() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> tokens.connectionToken(ConnectionClaims.of("42")))
                    .withMessageContaining("'claims' set no expiry")
                    .withMessageContaining("withExpiresIn")
                    .withMessageContaining("insecureConnectionTokenWithoutExpiry");
        }

        @Test
        void aTokenWithoutExpiryIsIssuedOnlyWhenAskedForByName() {
            DecodedJWT jwt = verified(
                    tokens.insecureConnectionTokenWithoutExpiry(ConnectionClaims.of("device-7")),
                    Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));

            assertThat(jwt.getSubject()).isEqualTo("device-7");
            assertThat(jwt.getExpiresAt()).isNull();
            assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(CLOCK.instant());
        }

        @Test
        void aNonPositiveTtlIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> tokens.connectionToken("42", Duration.ZERO))
                    .withMessage("'ttl' must be positive");
        }
    }

    @Nested
    class SubscriptionTokens {

        @Test
        void carryChannelClientAndOverride() {
            String token = tokens.subscriptionToken(SubscriptionClaims.of("42", "$secret:room1")
                    .withClient("client-1")
                    .withExpiresIn(Duration.ofMinutes(10))
                    .withData(Map.of("x", 1))
                    .withOverride(SubscriptionOverride.none().withJoinLeave(false)));

            DecodedJWT jwt = verified(token, Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
            assertThat(jwt.getClaim("channel").asString()).isEqualTo("$secret:room1");
            assertThat(jwt.getClaim("client").asString()).isEqualTo("client-1");
            assertThat(payload(token)).contains("\"override\":{\"join_leave\":{\"value\":false}}");
        }

        @Test
        void needAChannel() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SubscriptionClaims.of("42", " "))
                    .withMessage("'channel' must not be empty");
        }
    }

    @Nested
    class PrivateKeys {

        @Test
        void rsaAndEcdsaTokensVerifyWithThePublicKey() throws Exception {
            KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp384r1"));
            KeyPair ec384 = ec.generateKeyPair();

            String rs = CentrifugoTokens.privateKey(SigningAlgorithm.RS512, pkcs8Pem(rsa))
                    .connectionToken("1", Duration.ofMinutes(1));
            String es = CentrifugoTokens.privateKey(SigningAlgorithm.ES384, ec384.getPrivate())
                    .connectionToken("2", Duration.ofMinutes(1));

            assertThat(verified(rs, Algorithm.RSA512((RSAPublicKey) rsa.getPublic(), null))
                            .getSubject())
                    .isEqualTo("1");
            assertThat(verified(es, Algorithm.ECDSA384((ECPublicKey) ec384.getPublic(), null))
                            .getSubject())
                    .isEqualTo("2");
        }

        @Test
        void anRsaKeyUnder2048BitsIsRefusedWithTheCommandForABiggerOne() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair small = generator.generateKeyPair();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.privateKey(SigningAlgorithm.RS256, small.getPrivate()))
                    .withMessageStartingWith("'key' is a 1024-bit RSA key, but RS256 needs at least 2048 bits")
                    .withMessageContaining("rsa_keygen_bits:2048");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.privateKey(pkcs8Pem(small)))
                    .withMessageStartingWith("'key' is a 1024-bit RSA key");
        }

        @Test
        void anRsaKeyOf2048BitsIsAccepted() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);

            assertThat(CentrifugoTokens.privateKey(
                                    SigningAlgorithm.RS384,
                                    generator.generateKeyPair().getPrivate())
                            .algorithm())
                    .isEqualTo(SigningAlgorithm.RS384);
        }

        @Test
        void anEcKeyOnTheWrongCurveIsRefused() throws Exception {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.privateKey(
                            SigningAlgorithm.ES512, ec.generateKeyPair().getPrivate()))
                    .withMessage("'key' is on a 256-bit curve, but ES512 needs P-521");
        }

        @Test
        void aPkcs1PemIsRefusedWithTheConversionCommand() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.privateKey(
                            SigningAlgorithm.RS256,
                            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                    .withMessageContaining("openssl pkcs8 -topk8");
        }

        @Test
        void anRsaKeyForAnEcAlgorithmIsRefused() throws Exception {
            KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoTokens.privateKey(SigningAlgorithm.ES256, rsa.getPrivate()))
                    .withMessage("'key' must be an EC private key for ES256");
        }

        private static String pkcs8Pem(KeyPair pair) {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
