package dev.centrifugo4j.bench.publish;

import dev.centrifugo4j.api.AutoBatching;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.PublishResult;
import dev.centrifugo4j.bench.Stats;
import dev.centrifugo4j.test.CentrifugoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publications per second into a real Centrifugo over its HTTP API: {@link CentrifugoPublisher}
 * one synchronous call at a time, asynchronous calls (up to the publisher's concurrency limit in
 * flight), auto-batched asynchronous calls, and the official Python client {@code cent} publishing
 * the same messages one call at a time. Rounds alternate the four so that drifts in machine load
 * hit all alike.
 *
 * <p>Arguments: the markdown fragment, the Python interpreter that has {@code cent} installed, rounds
 * (default 3), publications per round for single calls (default 2000; async and batched send 5×).
 */
public final class PublishRates {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String python = args[1];
        int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
        int single = (args.length > 3) ? Integer.parseInt(args[3]) : 2000;
        int many = single * 5;
        Path script = Path.of("bench/perf/python/cent_publish.py").toAbsolutePath();

        double[] sync = new double[rounds];
        double[] async = new double[rounds];
        double[] batched = new double[rounds];
        double[] cent = new double[rounds];
        try (CentrifugoServer centrifugo = CentrifugoServer.builder().start();
                CentrifugoPublisher plain = CentrifugoPublisher.builder()
                        .apiUrl(centrifugo.apiUrl())
                        .apiKey(centrifugo.apiKey())
                        .build();
                CentrifugoPublisher batching = CentrifugoPublisher.builder()
                        .apiUrl(centrifugo.apiUrl())
                        .apiKey(centrifugo.apiKey())
                        .autoBatching(AutoBatching.defaults())
                        .build()) {
            // Warm-up: connections, JIT.
            syncRate(plain, single / 2);
            asyncRate(plain, single);
            asyncRate(batching, single);
            for (int round = 0; round < rounds; round++) {
                sync[round] = syncRate(plain, single);
                async[round] = asyncRate(plain, many);
                batched[round] = asyncRate(batching, many);
                cent[round] = centRate(python, script, centrifugo, single);
                System.out.printf(
                        "round %d: sync %.0f/s, async %.0f/s, auto-batched %.0f/s, cent %.0f/s%n",
                        round, sync[round], async[round], batched[round], cent[round]);
            }
        }
        double s = Stats.median(sync);
        double a = Stats.median(async);
        double b = Stats.median(batched);
        double c = Stats.median(cent);
        Stats.write(
                out,
                Stats.format(
                        "| (d) publishes/s, auto-batched vs single sync calls (median of %d rounds) | auto-batched %.0f/s | single sync %.0f/s (async %.0f/s) | %.1f× | ≥ 10× | %s |%n"
                                + "| (d) publishes/s, single sync `CentrifugoPublisher` vs Python `cent` (sync `Client`, same messages) | %.0f/s | cent %.0f/s | %.2f× | ≥ 1× | %s |",
                        rounds,
                        b,
                        s,
                        a,
                        b / s,
                        (b / s >= 10) ? "met" : "**not met**",
                        s,
                        c,
                        s / c,
                        (s >= c) ? "met" : "**not met**"));
    }

    private static Map<String, Object> message(int i) {
        return Map.of("text", "hello", "n", i);
    }

    private static double syncRate(CentrifugoPublisher publisher, int count) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            publisher.publish("bench", message(i));
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static double asyncRate(CentrifugoPublisher publisher, int count) {
        long started = System.nanoTime();
        List<CompletableFuture<PublishResult>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(publisher.publishAsync("bench", message(i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static double centRate(String python, Path script, CentrifugoServer centrifugo, int count)
            throws Exception {
        Process process = new ProcessBuilder(
                        python, script.toString(), centrifugo.apiUrl(), centrifugo.apiKey(), Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("cent failed: " + output);
        }
        return Double.parseDouble(output.lines().reduce((first, last) -> last).orElseThrow());
    }
}
