package dev.centrifugo4j.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JsClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Tokens of every algorithm, checked by a real Centrifugo configured with the matching key, through
 * a real JavaScript SDK client.
 */
class TokensThroughCentrifugoTests {

    private static final Map<SigningAlgorithm, CentrifugoTokens> tokens = new EnumMap<>(SigningAlgorithm.class);

    private static CentrifugoServer main;

    private static CentrifugoServer p384;

    private static CentrifugoServer p521;

    @BeforeAll
    static void startCentrifugos() throws Exception {
        KeyPair rsa = generate("RSA", null);
        KeyPair ec256 = generate("EC", "secp256r1");
        KeyPair ec384 = generate("EC", "secp384r1");
        KeyPair ec521 = generate("EC", "secp521r1");
        main = CentrifugoServer.builder()
                .config(json -> json.withObject("/client/token")
                        .put("rsa_public_key", pem(rsa.getPublic()))
                        .put("ecdsa_public_key", pem(ec256.getPublic())))
                .start();
        p384 = CentrifugoServer.builder()
                .config(json -> json.withObject("/client/token").put("ecdsa_public_key", pem(ec384.getPublic())))
                .start();
        p521 = CentrifugoServer.builder()
                .config(json -> json.withObject("/client/token").put("ecdsa_public_key", pem(ec521.getPublic())))
                .start();
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            tokens.put(
                    algorithm,
                    switch (algorithm) {
                        case HS256, HS384, HS512 -> CentrifugoTokens.hmac(algorithm, main.hmacSecret());
                        case RS256, RS384, RS512 -> CentrifugoTokens.privateKey(algorithm, rsa.getPrivate());
                        case ES256 -> CentrifugoTokens.privateKey(algorithm, ec256.getPrivate());
                        case ES384 -> CentrifugoTokens.privateKey(algorithm, ec384.getPrivate());
                        case ES512 -> CentrifugoTokens.privateKey(algorithm, ec521.getPrivate());
                    });
        }
    }

    @AfterAll
    static void stopCentrifugos() {
        main.close();
        p384.close();
        p521.close();
    }

    private static KeyPair generate(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static CentrifugoServer serverFor(SigningAlgorithm algorithm) {
        return switch (algorithm) {
            case ES384 -> p384;
            case ES512 -> p521;
            default -> main;
        };
    }

    @Nested
    class ConnectionTokens {

        @ParameterizedTest
        @EnumSource(SigningAlgorithm.class)
        void areAcceptedByCentrifugoConfiguredWithTheMatchingKey(SigningAlgorithm algorithm) {
            CentrifugoServer server = serverFor(algorithm);
            String token = tokens.get(algorithm)
                    .connectionToken(ConnectionClaims.of("user-" + algorithm)
                            .withExpiresIn(Duration.ofMinutes(1))
                            .withInfo(Map.of("algorithm", algorithm.name()))
                            .withJwtId(UUID.randomUUID().toString()));

            try (var client = JsClient.connect(server.websocketUrl(), token)) {
                assertThat(client.awaitConnected()).isNotEmpty();
            }
        }

        @Test
        void anExpiredTokenIsRefused() {
            Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
            String expired = tokens.get(SigningAlgorithm.HS256)
                    .withClock(anHourAgo)
                    .connectionToken("late", Duration.ofMinutes(1));

            try (var client = JsClient.connect(main.websocketUrl(), expired)) {
                JsonNode error =
                        client.await("error", event -> event.path("code").asInt() == 109);

                assertThat(error.path("message").asString()).contains("expired");
                client.await("disconnected", event -> true);
                assertThat(client.events())
                        .noneMatch(
                                event -> "connected".equals(event.path("event").asString()));
            }
        }

        @Test
        void serverSideChannelsInTheTokenAreSubscribedOnConnect() {
            String channel = "personal-" + UUID.randomUUID();
            String token = tokens.get(SigningAlgorithm.HS256)
                    .connectionToken(ConnectionClaims.of("frank")
                            .withExpiresIn(Duration.ofMinutes(1))
                            .withChannels(List.of(channel)));

            try (var client = JsClient.connect(main.websocketUrl(), token)) {
                client.await(
                        "subscribed",
                        event -> channel.equals(event.path("channel").asString()));
            }
        }
    }

    @Nested
    class SubscriptionTokens {

        @Test
        void letAClientIntoAPrivateChannelAndItReceivesPublications() {
            String channel = "$private-" + UUID.randomUUID();
            CentrifugoTokens hs = tokens.get(SigningAlgorithm.HS256);
            try (var client = JsClient.connect(main.websocketUrl(), hs.connectionToken("gina", Duration.ofMinutes(1)));
                    CentrifugoPublisher publisher = CentrifugoPublisher.builder()
                            .apiUrl(main.apiUrl())
                            .apiKey(main.apiKey())
                            .build()) {
                client.awaitConnected();

                client.subscribe(
                        channel,
                        hs.subscriptionToken(SubscriptionClaims.of("gina", channel)
                                .withExpiresIn(Duration.ofMinutes(1))
                                .withInfo(Map.of("role", "viewer"))));
                client.await(
                        "subscribed",
                        event -> channel.equals(event.path("channel").asString()));
                publisher.publish(channel, Map.of("secret", 42));

                JsonNode publication = client.await("publication", event -> true);
                assertThat(publication.path("data").path("secret").asInt()).isEqualTo(42);
                assertThat(publisher.presence(channel).clients().values())
                        .singleElement()
                        .satisfies(
                                info -> assertThat(info.chanInfo().path("role").asString())
                                        .isEqualTo("viewer"));
            }
        }

        @Test
        void aTokenForAnotherUserIsRefused() {
            String channel = "$private-" + UUID.randomUUID();
            CentrifugoTokens hs = tokens.get(SigningAlgorithm.HS256);
            try (var client =
                    JsClient.connect(main.websocketUrl(), hs.connectionToken("hank", Duration.ofMinutes(1)))) {
                client.awaitConnected();

                client.subscribe(channel, hs.subscriptionToken("someone-else", channel, Duration.ofMinutes(1)));

                client.await("disconnected", event -> event.path("code").asInt() == 3500);
            }
        }
    }
}
