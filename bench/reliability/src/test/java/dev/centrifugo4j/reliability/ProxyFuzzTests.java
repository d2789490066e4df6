package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Throws generated and mutated bodies at every proxy endpoint of a running app, over real HTTP on
 * loopback: every answer must be a well-formed Centrifugo reply or a 4xx, never a 5xx, never a
 * stack trace or an exception's text; oversized and deeply nested bodies are answered within limits.
 * {@code reliability.fuzz.bodies} sets how many (the default build sends a bounded number; {@code
 * -Pfull} sends 120,000), {@code reliability.seed} the seed that reproduces a run.
 */
@RunningFuzzApplication
class ProxyFuzzTests {

    private static final String SECRET = RunningFuzzApplication.SECRET;

    private static final int MAX_BODY_SIZE = RunningFuzzApplication.MAX_BODY_SIZE;

    private static final int WORKERS = 4;

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    @Test
    void everyGeneratedBodyGetsAWellFormedReplyOrA4xxOnEveryEndpoint() throws Exception {
        int total = Integer.getInteger("reliability.fuzz.bodies", 12_000);
        long seed = seed();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();

        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    fuzz(http, seed, worker, total / WORKERS, outcomes, violations, sent);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            workers.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Long> summary = new TreeMap<>();
        outcomes.forEach((label, count) -> summary.put(label, count.sum()));
        System.out.printf(
                "Fuzzed %d bodies (seed %d) in %.1f s (%.0f/s); outcomes: %s%n",
                sent.get(), seed, seconds, sent.get() / seconds, summary);

        assertThat(violations).as("violations (seed %d), first ones", seed).isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(total - WORKERS);
        // The generator must reach past the envelope into every kind of answer, or it proves little.
        for (ProxyEndpoint endpoint : ProxyEndpoint.values()) {
            // A refresh that fails in any way answers "expired" (Centrifugo ignores refresh errors).
            String malformed = (endpoint == ProxyEndpoint.REFRESH) ? " result expired" : " error 400";
            assertThat(summary).containsKeys(endpoint + malformed, endpoint + " error 413");
        }
        assertThat(summary)
                .containsKeys(
                        "RPC result",
                        "RPC error 404",
                        "RPC error 422",
                        "RPC error 500",
                        "RPC error 1001",
                        "RPC disconnect 4501",
                        "CONNECT result",
                        "CONNECT error 403",
                        "CONNECT disconnect 4501",
                        "REFRESH result",
                        "SUBSCRIBE result",
                        "SUBSCRIBE error 403",
                        "PUBLISH result",
                        "PUBLISH error 422",
                        "SUB_REFRESH result",
                        "SUB_REFRESH result expired");
        // And the app still serves a plain call afterwards.
        HttpResponse<byte[]> ping = send(
                http,
                ProxyEndpoint.RPC.path(),
                "application/json",
                "POST",
                "{\"client\":\"c\",\"method\":\"fuzz.ping\"}".getBytes(StandardCharsets.UTF_8),
                false,
                List.of());
        assertThat(new String(ping.body(), StandardCharsets.UTF_8)).isEqualTo("{\"result\":{\"data\":\"pong\"}}");
    }

    private void fuzz(
            HttpClient http,
            long seed,
            int worker,
            int count,
            Map<String, LongAdder> outcomes,
            List<String> violations,
            AtomicLong sent)
            throws Exception {
        Random random = new Random(seed * 31 + worker);
        ProxyEndpoint[] endpoints = ProxyEndpoint.values();
        BodyFuzzer[] fuzzers = new BodyFuzzer[endpoints.length];
        for (int i = 0; i < endpoints.length; i++) {
            fuzzers[i] = new BodyFuzzer(random, endpoints[i], MAX_BODY_SIZE);
        }
        for (int i = 0; i < count; i++) {
            ProxyEndpoint endpoint = endpoints[i % endpoints.length];
            BodyFuzzer.Body body = fuzzers[i % endpoints.length].next();
            // Mostly what Centrifugo sends; sometimes another content type, path form or method.
            int variant = random.nextInt(40);
            String contentType = switch (variant) {
                case 0 -> "text/plain";
                case 1 -> "application/x-www-form-urlencoded";
                case 2 -> "application/json; charset=ISO-8859-1";
                default -> "application/json";
            };
            String method = (variant == 3) ? "PUT" : (variant == 4) ? "GET" : "POST";
            String path = (variant == 5)
                    ? endpoint.path().substring(0, endpoint.path().length() - 1)
                    : endpoint.path();
            HttpResponse<byte[]> response;
            try {
                response = send(http, path, contentType, method, body.bytes(), variant == 6, headers(random, variant));
            } catch (Exception ex) {
                violations.add(describe(endpoint, seed, worker, i, body, "no answer: " + ex));
                continue;
            }
            sent.incrementAndGet();
            ReplyCheck.Outcome outcome = ReplyCheck.check(response.statusCode(), response.body());
            outcomes.computeIfAbsent(endpoint + " " + outcome.label(), (k) -> new LongAdder())
                    .increment();
            if (!outcome.ok() && violations.size() < 20) {
                violations.add(describe(
                        endpoint,
                        seed,
                        worker,
                        i,
                        body,
                        outcome.violation() + " (" + method + " " + contentType + "): " + abbreviate(response.body())));
            }
        }
    }

    private HttpResponse<byte[]> send(
            HttpClient http,
            String path,
            String contentType,
            String method,
            byte[] body,
            boolean chunked,
            List<String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                .timeout(REPLY_TIMEOUT)
                .header("Content-Type", contentType)
                .header("X-Centrifugo-Proxy-Secret", SECRET)
                // Chunked: no Content-Length, so the size limit has to be enforced while reading.
                .method(
                        method,
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Forwarded headers as Centrifugo might pass them on from a client: many, repeated, odd values. */
    private static List<String> headers(Random random, int variant) {
        if (variant != 7 && variant != 8) {
            return List.of();
        }
        List<String> headers = new ArrayList<>();
        int count = 1 + random.nextInt(variant == 7 ? 5 : 60);
        for (int i = 0; i < count; i++) {
            String name = switch (random.nextInt(5)) {
                case 0 -> "Authorization";
                case 1 -> "Cookie";
                case 2 -> "X-Forwarded-For";
                case 3 -> "traceparent";
                default -> "X-Fuzz-" + random.nextInt(10);
            };
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(100);
            for (int c = 0; c < length; c++) {
                value.append((char) (0x20 + random.nextInt(0x5F)));
            }
            headers.add(name);
            headers.add(value.toString().strip());
        }
        return headers;
    }

    private static String describe(
            ProxyEndpoint endpoint, long seed, int worker, int index, BodyFuzzer.Body body, String problem) {
        return endpoint + " seed " + seed + " worker " + worker + " #" + index + " " + body.kind() + " ("
                + body.bytes().length + " bytes) " + abbreviate(body.bytes()) + " -> " + problem;
    }

    private static String abbreviate(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        return (bytes.length > 300) ? text + "..." : text;
    }

    static long seed() {
        String seed = System.getProperty("reliability.seed", "20260612");
        return "random".equals(seed) ? new Random().nextLong() : Long.parseLong(seed);
    }
}
