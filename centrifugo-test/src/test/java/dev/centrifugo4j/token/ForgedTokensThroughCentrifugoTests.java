package dev.centrifugo4j.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JsClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tokens that must not let anyone in, each shown to a real Centrifugo (configured with an HMAC
 * secret and an RSA public key) by a real JavaScript SDK client: the server refuses the connection
 * and the client never sees {@code connected}.
 */
class ForgedTokensThroughCentrifugoTests {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static KeyPair rsa;

    private static String rsaPublicPem;

    private static CentrifugoServer centrifugo;

    @BeforeAll
    static void startCentrifugo() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        rsaPublicPem = pem(rsa.getPublic());
        centrifugo = CentrifugoServer.builder()
                .config(json -> json.withObject("/client/token").put("rsa_public_key", rsaPublicPem))
                .start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @Test
    void theGenuineTokenConnects() {
        // The control: the refusals below are about the tokens, not the set-up.
        assertConnects(CentrifugoTokens.hmac(centrifugo.hmacSecret()).connectionToken("alice", Duration.ofMinutes(1)));
        assertConnects(CentrifugoTokens.privateKey(SigningAlgorithm.RS256, rsa.getPrivate())
                .connectionToken("alice", Duration.ofMinutes(1)));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        assertRefused(
                CentrifugoTokens.hmac(centrifugo.hmacSecret() + "x").connectionToken("mallory", Duration.ofMinutes(1)));
    }

    @Test
    void aTokenSignedWithAnotherRsaKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertRefused(CentrifugoTokens.privateKey(
                        SigningAlgorithm.RS256, generator.generateKeyPair().getPrivate())
                .connectionToken("mallory", Duration.ofMinutes(1)));
    }

    @Test
    void aTokenWithAlgorithmNoneIsRefused() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = encode("{\"sub\":\"mallory\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}");
        assertRefused(header + "." + claims + ".");
    }

    @Test
    void anHmacTokenKeyedWithThePublicRsaKeyIsRefused() {
        // The algorithm-confusion attack: sign HS256 with the server's public key as the secret.
        assertRefused(CentrifugoTokens.hmac(rsaPublicPem).connectionToken("mallory", Duration.ofMinutes(1)));
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        String genuine = CentrifugoTokens.hmac(centrifugo.hmacSecret()).connectionToken("alice", Duration.ofMinutes(1));
        String[] parts = genuine.split("\\.");
        String claims = encode("{\"sub\":\"admin\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}");
        assertRefused(parts[0] + "." + claims + "." + parts[2]);
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String expired = CentrifugoTokens.hmac(
                        centrifugo.hmacSecret(), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .connectionToken("late", Duration.ofMinutes(1));
        try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), expired)) {
            JsonNode error = client.await("error", event -> event.path("code").asInt() == 109);
            assertThat(error.path("message").asString()).contains("expired");
            client.await("disconnected", event -> true);
            assertThat(client.events())
                    .noneMatch(event -> "connected".equals(event.path("event").asString()));
        }
    }

    private static void assertConnects(String token) {
        try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), token)) {
            assertThat(client.awaitConnected()).isNotEmpty();
        }
    }

    private static void assertRefused(String token) {
        try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), token)) {
            // Centrifugo closes the connection with 3500 "invalid token"; the SDK does not reconnect.
            JsonNode disconnected = client.await("disconnected", event -> true);
            assertThat(disconnected.path("code").asInt()).isEqualTo(3500);
            assertThat(disconnected.path("reason").asString()).contains("invalid token");
            assertThat(client.events())
                    .noneMatch(event -> "connected".equals(event.path("event").asString()));
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
