package dev.centrifugo4j.bench.e2e;

import dev.centrifugo4j.bench.Stats;
import dev.centrifugo4j.bench.http.BenchApplication;
import dev.centrifugo4j.bench.rpc.EchoHandlers;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RPC latency through a real Centrifugo, measured by the official JavaScript SDK one call at a time:
 * Centrifugo proxying to the app (the starter's endpoint) against Centrifugo proxying to a minimal
 * static HTTP responder (Node) that answers the same bytes without doing anything, and, to tell
 * the servlet container's share from the library's, Centrifugo proxying to a static servlet on the
 * app's own Tomcat. All three Centrifugo nodes have the same configuration (the same static secret
 * header included); the order of the three alternates between rounds so that drifts in machine
 * load hit all of them. A fourth node proxies to the same app started as a reactive one (WebFlux
 * on Netty), measured in the same rounds: the WebFlux arm against the servlet one.
 *
 * <p>Before the measured rounds, {@value #WARM_UP_ROUNDS} rounds of the same calls through all three
 * are thrown away: direct HTTP calls alone leave the first rounds through Centrifugo 20-90 µs
 * slower for every arm (the JIT of the app and the SDK client, Centrifugo's own start), and most
 * for the arm with the most code, which is not the steady state a server runs in.
 *
 * <p>Arguments: the markdown fragment to write, rounds (default 5), calls per round (default 3000).
 */
public final class EndToEndLatency {

    private static final String SECRET = "bench-proxy-secret-0123456789abcdef";

    /** Rounds through Centrifugo that are run and thrown away before the measured ones. */
    static final int WARM_UP_ROUNDS = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
        int calls = (args.length > 2) ? Integer.parseInt(args[2]) : 3000;
        Path client = Path.of("bench/perf/client").toAbsolutePath();

        ConfigurableApplicationContext app = SpringApplication.run(
                BenchApplication.class,
                "--server.port=0",
                "--centrifugo.proxy.secret=" + SECRET,
                // Node keeps a connection for any number of requests; Tomcat closes it after 100
                // by default, and Centrifugo then opens a new one: not what is compared here.
                "--server.tomcat.max-keep-alive-requests=-1",
                "--logging.level.root=WARN");
        int appPort = ((WebServerApplicationContext) app).getWebServer().getPort();
        // The same app as a reactive one on Netty: the WebFlux arm (its blocking handler on a centrifugo-handler
        // thread).
        ConfigurableApplicationContext flux = SpringApplication.run(
                BenchApplication.class,
                "--spring.main.web-application-type=reactive",
                "--server.port=0",
                "--centrifugo.proxy.secret=" + SECRET,
                "--logging.level.root=WARN");
        int fluxPort = ((WebServerApplicationContext) flux).getWebServer().getPort();
        int staticPort = CentrifugoServer.freePort();
        Process responder = new ProcessBuilder(
                        "node", "static-responder.mjs", Integer.toString(staticPort), EchoHandlers.REPLY)
                .directory(client.toFile())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader ready =
                        new BufferedReader(new InputStreamReader(responder.getInputStream(), StandardCharsets.UTF_8));
                CentrifugoServer toApp = CentrifugoServer.builder()
                        .rpcProxy("http://127.0.0.1:" + appPort + "/centrifugo/rpc/")
                        .proxySecret("X-Centrifugo-Proxy-Secret", SECRET)
                        .start();
                CentrifugoServer toFlux = CentrifugoServer.builder()
                        .rpcProxy("http://127.0.0.1:" + fluxPort + "/centrifugo/rpc/")
                        .proxySecret("X-Centrifugo-Proxy-Secret", SECRET)
                        .start();
                CentrifugoServer toServlet = CentrifugoServer.builder()
                        .rpcProxy("http://127.0.0.1:" + appPort + BenchApplication.STATIC_PATH)
                        .proxySecret("X-Centrifugo-Proxy-Secret", SECRET)
                        .start();
                CentrifugoServer toStatic = CentrifugoServer.builder()
                        .rpcProxy("http://127.0.0.1:" + staticPort + "/")
                        .proxySecret("X-Centrifugo-Proxy-Secret", SECRET)
                        .start()) {
            String line = ready.readLine();
            if (line == null || !line.startsWith("listening")) {
                throw new IllegalStateException("The static responder did not start: " + line);
            }
            warmUp(appPort, Math.max(2000, calls * 3));
            warmUp(fluxPort, Math.max(2000, calls * 3));
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                run(client, toApp, calls);
                run(client, toFlux, calls);
                run(client, toServlet, calls);
                run(client, toStatic, calls);
            }
            List<Long> starter = new ArrayList<>();
            List<Long> ceiling = new ArrayList<>();
            double[] starterP50 = new double[rounds];
            double[] ceilingP50 = new double[rounds];
            double[] starterP99 = new double[rounds];
            double[] ceilingP99 = new double[rounds];
            double[] servletP50 = new double[rounds];
            double[] fluxP50 = new double[rounds];
            double[] fluxP99 = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long[] a;
                long[] b;
                long[] c;
                long[] d;
                if (round % 2 == 0) {
                    a = run(client, toApp, calls);
                    d = run(client, toFlux, calls);
                    c = run(client, toServlet, calls);
                    b = run(client, toStatic, calls);
                } else {
                    b = run(client, toStatic, calls);
                    c = run(client, toServlet, calls);
                    d = run(client, toFlux, calls);
                    a = run(client, toApp, calls);
                }
                fluxP50[round] = Stats.percentile(d, 50);
                fluxP99[round] = Stats.percentile(d, 99);
                starterP50[round] = Stats.percentile(a, 50);
                starterP99[round] = Stats.percentile(a, 99);
                ceilingP50[round] = Stats.percentile(b, 50);
                ceilingP99[round] = Stats.percentile(b, 99);
                servletP50[round] = Stats.percentile(c, 50);
                System.out.printf(
                        "round %d: starter p50 %d µs p99 %d µs; static responder p50 %d µs p99 %d µs;"
                                + " static servlet on the app's Tomcat p50 %d µs p99 %d µs%n",
                        round,
                        (long) starterP50[round],
                        (long) starterP99[round],
                        (long) ceilingP50[round],
                        (long) ceilingP99[round],
                        (long) servletP50[round],
                        (long) Stats.percentile(c, 99));
                System.out.printf(
                        "round %d: WebFlux starter p50 %d µs p99 %d µs%n",
                        round, (long) fluxP50[round], (long) fluxP99[round]);
                Arrays.stream(a).forEach(starter::add);
                Arrays.stream(b).forEach(ceiling::add);
            }
            double p50 = Stats.median(starterP50);
            double p99 = Stats.median(starterP99);
            double c50 = Stats.median(ceilingP50);
            double c99 = Stats.median(ceilingP99);
            double s50 = Stats.median(servletP50);
            double f50 = Stats.median(fluxP50);
            double f99 = Stats.median(fluxP99);
            Stats.write(
                    out,
                    Stats.format(
                                    "| (c) end-to-end RPC latency through Centrifugo (JS SDK, sequential calls; median of %d rounds × %d calls after %d warm-up rounds) |"
                                            + " p50 %.0f µs, p99 %.0f µs | static responder: p50 %.0f µs, p99 %.0f µs"
                                            + " (a static servlet on the app's Tomcat: p50 %.0f µs, %.2f×) | p50 %.2f× (p99 %.2f×) | p50 ≤ 1.15× | %s |",
                                    rounds,
                                    calls,
                                    WARM_UP_ROUNDS,
                                    p50,
                                    p99,
                                    c50,
                                    c99,
                                    s50,
                                    s50 / c50,
                                    p50 / c50,
                                    p99 / c99,
                                    (p50 / c50 <= 1.15) ? "met" : "**not met**")
                            + "\n"
                            + Stats.format(
                                    "| (c) the same on WebFlux (Netty; the blocking handler on a `centrifugo-handler` thread) |"
                                            + " p50 %.0f µs, p99 %.0f µs | servlet endpoint in the same run: p50 %.0f µs,"
                                            + " p99 %.0f µs (static responder: p50 %.2f×) | p50 %.2f× (p99 %.2f×) | none | |",
                                    f50, f99, p50, p99, f50 / c50, f50 / p50, f99 / p99));
        } finally {
            responder.destroy();
            responder.waitFor(5, TimeUnit.SECONDS);
            app.close();
            flux.close();
        }
    }

    /** Brings the app's JIT to a steady state, as a long-running app is, before anything is measured. */
    private static void warmUp(int appPort, int calls) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + "/centrifugo/rpc/"))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(EchoHandlers.REQUEST))
                .build();
        for (int i = 0; i < calls; i++) {
            String reply =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (!EchoHandlers.REPLY.equals(reply)) {
                throw new IllegalStateException("The app answered " + reply);
            }
        }
    }

    private static long[] run(Path client, CentrifugoServer centrifugo, int calls)
            throws IOException, InterruptedException {
        String token = CentrifugoTokens.hmac(centrifugo.hmacSecret()).connectionToken("bench", Duration.ofHours(1));
        ProcessBuilder builder = new ProcessBuilder("node", "rpc-latency.mjs")
                .directory(client.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CENTRIFUGO_URL", centrifugo.websocketUrl());
        builder.environment().put("CENTRIFUGO_TOKEN", token);
        builder.environment().put("METHOD", EchoHandlers.METHOD);
        builder.environment().put("DATA", "{\"message\":\"hello benchmark\",\"count\":3}");
        builder.environment().put("WARMUP", Integer.toString(Math.max(200, calls / 5)));
        builder.environment().put("CALLS", Integer.toString(calls));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("The JavaScript client failed: " + output);
        }
        JsonNode samples = JSON.readTree(output.lines()
                        .filter((l) -> l.startsWith("{"))
                        .findFirst()
                        .orElseThrow())
                .get("samples");
        long[] values = new long[samples.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = samples.get(i).asLong();
        }
        Arrays.sort(values);
        return values;
    }
}
