package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.proxy.ProxySecretCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The proxy secret as a property: whatever a request carries instead of the exact secret (nothing,
 * an empty value, a prefix, the secret with something appended, another case, look-alike Unicode,
 * random text, the secret in another header), every endpoint answers 401 with an empty body and no
 * handler runs.
 */
@RunningFuzzApplication
class ProxySecretTests {

    private static final String SECRET = RunningFuzzApplication.SECRET;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void everyWrongOrMissingSecretIsAnswered401WithoutRunningAHandler() throws Exception {
        int attempts = Integer.getInteger("reliability.secret.attempts", 1500);
        Random random = new Random(ProxyFuzzTests.seed());
        long invocationsBefore = FuzzApplication.invocations.get();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            ProxyEndpoint endpoint = ProxyEndpoint.values()[i % ProxyEndpoint.values().length];
            WrongSecret wrong = wrongSecret(random, i);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + this.port + endpoint.path()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(validBody(endpoint)));
            if (wrong.header() != null) {
                request.header(wrong.header(), wrong.value());
            }
            HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if ((response.statusCode() != 401 || !response.body().isEmpty()) && failures.size() < 20) {
                failures.add(endpoint + " with " + wrong + " -> HTTP " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(FuzzApplication.invocations.get())
                .as("handler invocations during %d unauthenticated requests", attempts)
                .isEqualTo(invocationsBefore);

        // The same requests with the right secret do reach the handlers: the 401s above were the secret's doing.
        for (ProxyEndpoint endpoint : ProxyEndpoint.values()) {
            HttpResponse<String> response = this.http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + endpoint.path()))
                            .header("Content-Type", "application/json")
                            .header("x-centrifugo-proxy-secret", SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(validBody(endpoint)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"result\":");
        }
        assertThat(FuzzApplication.invocations.get()).isEqualTo(invocationsBefore + ProxyEndpoint.values().length);
    }

    @Test
    void theCheckComparesWithMessageDigestIsEqualWhichTakesTheSameTimeWhateverTheValue() throws IOException {
        // MessageDigest.isEqual's time depends only on the length of the expected secret, not on where
        // the first difference is (JDK 6u17+). The timing test in the full profile measures it; this one
        // makes sure the check keeps using it and no early-exit comparison.
        byte[] classFile;
        try (InputStream in = ProxySecretCheck.class.getResourceAsStream("ProxySecretCheck.class")) {
            assertThat(in).isNotNull();
            classFile = in.readAllBytes();
        }
        String constants = new String(classFile, StandardCharsets.ISO_8859_1);
        assertThat(constants).contains("java/security/MessageDigest").contains("isEqual");
        assertThat(constants)
                .as("no early-exit comparison of the secret")
                .doesNotContain("java/util/Arrays")
                .doesNotContain("contentEquals")
                .doesNotContain("equalsIgnoreCase");
        ProxySecretCheck check = ProxySecretCheck.requiring("X-Secret", SECRET);
        assertThat(check.accepts(SECRET)).isTrue();
        assertThat(check.accepts(SECRET + " ")).isFalse();
        assertThat(check.accepts(SECRET.substring(1))).isFalse();
        assertThat(check.accepts(null)).isFalse();
    }

    private record WrongSecret(String description, String header, String value) {

        @Override
        public String toString() {
            return this.description + " (" + this.header + ": '" + this.value + "')";
        }
    }

    private static WrongSecret wrongSecret(Random random, int i) {
        String header = "X-Centrifugo-Proxy-Secret";
        return switch (i % 12) {
            case 0 -> new WrongSecret("no header", null, null);
            case 1 -> new WrongSecret("empty", header, "");
            case 2 -> new WrongSecret("prefix", header, SECRET.substring(0, random.nextInt(SECRET.length())));
            case 3 -> new WrongSecret("appended", header, SECRET + (char) ('!' + random.nextInt(90)));
            case 4 -> new WrongSecret("upper case", header, SECRET.toUpperCase(Locale.ROOT));
            case 5 -> {
                char[] chars = SECRET.toCharArray();
                int at = random.nextInt(chars.length);
                char replacement;
                do {
                    replacement = (char) (0x21 + random.nextInt(0x5E));
                } while (replacement == chars[at]);
                chars[at] = replacement;
                yield new WrongSecret("one character off", header, new String(chars));
            }
            case 6 -> new WrongSecret("look-alike", header, SECRET.replace('o', '0'));
            // HTTP drops whitespace around a header value, so padding is no test; a list of values is.
            case 7 -> new WrongSecret("listed twice", header, SECRET + ", " + SECRET);
            case 8 -> new WrongSecret("in another header", "X-Centrifugo-Proxy-Secret-2", SECRET);
            case 9 -> new WrongSecret("as a bearer token", "Authorization", "Bearer " + SECRET);
            case 10 ->
                new WrongSecret(
                        "reversed", header, new StringBuilder(SECRET).reverse().toString());
            default -> {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(64);
                for (int c = 0; c < length; c++) {
                    text.append((char) (0x21 + random.nextInt(0x5E)));
                }
                yield new WrongSecret("random", header, text.toString());
            }
        };
    }

    private static String validBody(ProxyEndpoint endpoint) {
        String base = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"alice\"";
        return switch (endpoint) {
            case RPC -> base + ",\"method\":\"fuzz.ping\"}";
            case CONNECT -> base + ",\"name\":\"js\"}";
            case REFRESH -> base + "}";
            case SUBSCRIBE, SUB_REFRESH -> base + ",\"channel\":\"room:2\"}";
            case PUBLISH -> base + ",\"channel\":\"room:2\",\"data\":{\"text\":\"hi\",\"sequence\":1}}";
        };
    }
}
