package dev.centrifugo4j.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real client of the official JavaScript SDK ({@code client/driver.mjs} on Node), connected to
 * Centrifugo with a token; the test sends it commands and waits for its events.
 */
public final class JsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Process process;

    private final Writer commands;

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private final List<JsonNode> seen = new ArrayList<>();

    private JsClient(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "js-client-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a client that connects to {@code websocketUrl} with {@code token}. */
    public static JsClient connect(String websocketUrl, String token) {
        Path client = Path.of("client").toAbsolutePath();
        if (!Files.isDirectory(client.resolve("node_modules/centrifuge"))) {
            throw new IllegalStateException("Run 'npm ci' in " + client + " (the Maven build does it)");
        }
        ProcessBuilder builder = new ProcessBuilder("node", "driver.mjs")
                .directory(client.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CENTRIFUGO_URL", websocketUrl);
        builder.environment().put("CENTRIFUGO_TOKEN", token);
        try {
            return new JsClient(builder.start());
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start node", ex);
        }
    }

    private void readEvents() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("{")) {
                    this.events.add(JSON.readTree(line));
                }
            }
        } catch (IOException ex) {
            // the process ended
        }
    }

    /** Waits for the connection and returns the client ID. */
    public String awaitConnected() {
        return await("connected", event -> true).path("client").asString();
    }

    /** Subscribes to a channel (with a subscription token, or {@code null}). */
    public void subscribe(String channel, @Nullable String token) {
        send("{\"op\":\"subscribe\",\"channel\":" + JSON.writeValueAsString(channel)
                + (token == null ? "" : ",\"token\":" + JSON.writeValueAsString(token)) + "}");
    }

    /** Waits for the first event of the given name that matches, failing with every event seen. */
    public JsonNode await(String name, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this.seen) {
            for (JsonNode event : this.seen) {
                if (name.equals(event.path("event").asString()) && condition.test(event)) {
                    this.seen.remove(event);
                    return event;
                }
            }
        }
        while (true) {
            long remaining = deadline - System.nanoTime();
            JsonNode event;
            try {
                event = remaining > 0 ? this.events.poll(remaining, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            if (event == null) {
                synchronized (this.seen) {
                    throw new AssertionError("No '" + name + "' event within " + WAIT + "; events: " + this.seen);
                }
            }
            if (name.equals(event.path("event").asString()) && condition.test(event)) {
                return event;
            }
            synchronized (this.seen) {
                this.seen.add(event);
            }
        }
    }

    private void send(String line) {
        try {
            this.commands.write(line + "\n");
            this.commands.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every event seen but not awaited, for failure messages. */
    public List<JsonNode> events() {
        synchronized (this.seen) {
            List<JsonNode> all = new ArrayList<>(this.seen);
            this.events.drainTo(all);
            this.seen.clear();
            this.seen.addAll(all);
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        try {
            send("{\"op\":\"close\"}");
        } catch (UncheckedIOException ex) {
            // already gone
        }
        try {
            if (!this.process.waitFor(2, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }
}
