package dev.centrifugo4j.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Centrifugo server process on loopback, for integration tests. The builder generates a
 * configuration that lets tests connect with HMAC tokens, subscribe, publish, and call RPCs through
 * the application's proxy endpoint; {@link #start()} runs the binary and waits until {@code
 * /health} answers.
 *
 * <pre>{@code
 * int appPort = CentrifugoServer.freePort();
 * try (CentrifugoServer centrifugo = CentrifugoServer.builder()
 *         .rpcProxy("http://127.0.0.1:" + appPort + "/centrifugo/rpc")
 *         .proxySecret("X-Centrifugo-Secret", "proxy-secret-of-at-least-32-bytes")
 *         .start()) {
 *     String url = centrifugo.websocketUrl();
 *     ...
 * }
 * }</pre>
 *
 * <p>The binary is taken from {@link Builder#binary(Path)}, the {@code centrifugo.bin} system
 * property, the {@code CENTRIFUGO_BIN} environment variable, {@code centrifugo} on the {@code PATH},
 * or the project cache filled by {@code scripts/install-centrifugo}, in that order. When none
 * exists, {@link #start()} fails: a test that needs Centrifugo never passes without it.
 *
 * <p>The process output goes to a log file that is kept after {@link #close()}, so a failed test
 * can be investigated; its path is logged on start. The generated configuration is written next to
 * it, with the same name ending in {@code .json}.
 *
 * <p>For fault tests, {@link #kill()} ends the process with SIGKILL and {@link #restart()} starts it
 * again on the same port; with {@link Builder#redisEngine(String)} its state lives in Redis.
 */
public final class CentrifugoServer implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(CentrifugoServer.class);

    private static final String LOOPBACK = "127.0.0.1";

    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(50);

    private static final int LOG_LINES_IN_ERRORS = 40;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable Path explicitBinary;

    private final BinaryResolver binaryResolver;

    private final int port;

    private final String apiKey;

    private final String hmacSecret;

    private final ObjectNode configuration;

    private final Duration startupTimeout;

    private final @Nullable Path logDirectory;

    private final Map<String, String> environment;

    private @Nullable Process process;

    private @Nullable Path logFile;

    private @Nullable Path configFile;

    private @Nullable Path binaryPath;

    private @Nullable Thread shutdownHook;

    private boolean started;

    private boolean closed;

    private CentrifugoServer(Builder builder, BinaryResolver binaryResolver) {
        this.explicitBinary = builder.binary;
        this.binaryResolver = binaryResolver;
        this.port = (builder.port != null) ? builder.port : freePort();
        this.apiKey = (builder.apiKey != null) ? builder.apiKey : randomSecret(32);
        this.hmacSecret = (builder.hmacSecret != null) ? builder.hmacSecret : randomSecret(64);
        this.startupTimeout = builder.startupTimeout;
        this.logDirectory = builder.logDirectory;
        this.environment = Map.copyOf(builder.environment);
        this.configuration = builder.configuration(this.port, this.apiKey, this.hmacSecret);
    }

    /** A builder for a server with a generated configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A loopback port that is free at the time of the call, for example to choose the
     * application's port before starting both the application and Centrifugo.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not find a free loopback port", ex);
        }
    }

    /**
     * The Centrifugo binary {@link #start()} runs when the builder names none, found as the class
     * comment says; for example to run {@code centrifugo checkconfig} on a configuration file.
     *
     * @throws IllegalStateException when no binary is found, naming the setup command
     */
    public static Path binary() {
        return BinaryResolver.fromRuntime().resolve(null).path();
    }

    /**
     * Starts Centrifugo and waits until its {@code /health} endpoint answers 200.
     *
     * @return this server, started
     * @throws IllegalStateException when no binary is found, when the server was started before, or
     *     when Centrifugo exits or does not become healthy within the startup timeout (the message
     *     then holds the last log lines)
     */
    public synchronized CentrifugoServer start() {
        if (this.started) {
            throw new IllegalStateException("This Centrifugo server was already started; build a new one");
        }
        this.started = true;
        BinaryResolver.Resolved binary = this.binaryResolver.resolve(this.explicitBinary);
        this.binaryPath = binary.path();
        warnOnUnexpectedVersion(binary.path());
        try {
            Path directory = createLogDirectory();
            this.logFile = Files.createTempFile(directory, "centrifugo-" + this.port + "-", ".log");
            // The configuration sits next to the log, so a failed run can be reproduced by hand.
            String logName = this.logFile.getFileName().toString();
            this.configFile = directory.resolve(logName.substring(0, logName.length() - ".log".length()) + ".json");
            Files.writeString(
                    this.configFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this.configuration));
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not write the configuration of Centrifugo " + binary.path(), ex);
        }
        logger.info(
                "Starting Centrifugo {} (from {}) on port {}, log: {}",
                binary.path(),
                binary.source(),
                this.port,
                this.logFile);
        launch();
        logger.info("Centrifugo is up at {}", httpUrl());
        return this;
    }

    /**
     * Kills the process with SIGKILL, as a crash would, and waits until it is gone: no graceful
     * shutdown, connections are cut. {@link #restart()} starts it again on the same port.
     *
     * @throws IllegalStateException before {@link #start()} or after {@link #close()}
     */
    public synchronized void kill() {
        Process running = requireStartedProcess("kill");
        running.destroyForcibly();
        try {
            if (!running.waitFor(ServerProcesses.STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Centrifugo on port " + this.port + " did not die within "
                        + ServerProcesses.STOP_TIMEOUT + " of SIGKILL");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Centrifugo to die", ex);
        }
        removeShutdownHook();
        logger.info("Centrifugo on port {} killed (exit code {})", this.port, running.exitValue());
    }

    /**
     * Starts the process again, on the same port with the same configuration and log file, after
     * {@link #kill()} (or after it exited by itself), and waits until {@code /health} answers.
     *
     * @return this server, running again
     * @throws IllegalStateException before {@link #start()}, after {@link #close()}, while the
     *     process still runs, or when it does not become healthy
     */
    public synchronized CentrifugoServer restart() {
        Process previous = requireStartedProcess("restart");
        if (previous.isAlive()) {
            throw new IllegalStateException("Centrifugo on port " + this.port + " still runs: kill() it first");
        }
        launch();
        logger.info("Centrifugo is up again at {}", httpUrl());
        return this;
    }

    private Process requireStartedProcess(String action) {
        if (this.process == null || this.closed) {
            throw new IllegalStateException("Cannot " + action + " Centrifugo on port " + this.port + ": it was "
                    + (this.closed ? "closed" : "not started"));
        }
        return this.process;
    }

    /** Runs the binary with the written configuration and waits until it is healthy. */
    private void launch() {
        Path binary = this.binaryPath;
        Path config = this.configFile;
        Path log = this.logFile;
        if (binary == null || config == null || log == null) {
            throw new IllegalStateException("Centrifugo was not started");
        }
        try {
            ProcessBuilder processBuilder = new ProcessBuilder(binary.toString(), "--config", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // Centrifugo lets CENTRIFUGO_* variables override the file; the generated file must win.
            processBuilder.environment().keySet().removeIf(name -> name.startsWith("CENTRIFUGO_"));
            processBuilder.environment().putAll(this.environment);
            this.process = processBuilder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start Centrifugo " + binary, ex);
        }
        Process running = this.process;
        Thread hook = new Thread(() -> ServerProcesses.stop(running), "centrifugo-" + this.port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        this.shutdownHook = hook;
        awaitHealthy(running);
    }

    private void awaitHealthy(Process running) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(httpUrl() + "/health"))
                .timeout(Duration.ofSeconds(1))
                .GET()
                .build();
        long deadline = System.nanoTime() + this.startupTimeout.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!running.isAlive()) {
                throw startFailure("the process exited with code " + running.exitValue());
            }
            try {
                int status = client.send(health, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
                lastAnswer = "GET /health answered " + status;
            } catch (IOException ex) {
                lastAnswer = "GET /health failed: " + ex;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw startFailure("the thread was interrupted while waiting");
            }
            if (System.nanoTime() - deadline > 0) {
                throw startFailure("it was not healthy within " + this.startupTimeout + " (" + lastAnswer + ")");
            }
            try {
                Thread.sleep(HEALTH_POLL_INTERVAL.toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw startFailure("the thread was interrupted while waiting");
            }
        }
    }

    private IllegalStateException startFailure(String reason) {
        stopProcess();
        return new IllegalStateException("Centrifugo did not start on port " + this.port + ": " + reason
                + ". Configuration: " + this.configFile + ". Last log lines of " + this.logFile + ":\n"
                + tail(logs(), LOG_LINES_IN_ERRORS));
    }

    private Path createLogDirectory() throws IOException {
        if (this.logDirectory != null) {
            return Files.createDirectories(this.logDirectory.toAbsolutePath());
        }
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            return Files.createDirectories(target.resolve("centrifugo-logs").toAbsolutePath());
        }
        return Files.createTempDirectory("centrifugo-logs-");
    }

    private static void warnOnUnexpectedVersion(Path binary) {
        String expected = "v" + BinaryResolver.CENTRIFUGO_VERSION;
        String reported = reportedVersion(binary);
        if (!reported.contains(expected + " ") && !reported.endsWith(expected)) {
            logger.warn(
                    "Centrifugo {} reports '{}', but the test kit is made for {}; continuing. "
                            + "Run {} to install the expected release.",
                    binary,
                    reported,
                    expected,
                    BinaryResolver.SETUP_COMMAND);
        }
    }

    private static String reportedVersion(Path binary) {
        Path output = null;
        try {
            output = Files.createTempFile("centrifugo-version-", ".txt");
            Process version = new ProcessBuilder(binary.toString(), "version")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!version.waitFor(10, TimeUnit.SECONDS)) {
                version.destroyForcibly();
                return "no answer to 'centrifugo version' within 10s";
            }
            return Files.readString(output, StandardCharsets.UTF_8).strip();
        } catch (IOException ex) {
            return "'centrifugo version' failed: " + ex;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted while asking for the version";
        } finally {
            deleteQuietly(output);
        }
    }

    /**
     * Stops the process (gracefully, then forcibly after 5 seconds). The log file and the
     * configuration next to it are kept. Calling it again, or on a server that was never started,
     * does nothing.
     */
    @Override
    public synchronized void close() {
        if (this.process == null || this.closed) {
            return;
        }
        this.closed = true;
        stopProcess();
        logger.info("Centrifugo on port {} stopped, log kept at {}", this.port, this.logFile);
    }

    private void stopProcess() {
        Process running = this.process;
        if (running == null) {
            return;
        }
        ServerProcesses.stop(running);
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        Thread hook = this.shutdownHook;
        this.shutdownHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ex) {
                // The JVM is shutting down and runs the hook itself.
            }
        }
    }

    /** Whether the Centrifugo process is alive. */
    public synchronized boolean isRunning() {
        return this.process != null && this.process.isAlive();
    }

    /** The HTTP port Centrifugo listens on (known before {@link #start()}). */
    public int port() {
        return this.port;
    }

    /** The base URL, for example {@code http://127.0.0.1:8000}. */
    public String httpUrl() {
        return "http://" + LOOPBACK + ":" + this.port;
    }

    /** The WebSocket URL clients connect to: {@code ws://127.0.0.1:<port>/connection/websocket}. */
    public String websocketUrl() {
        return "ws://" + LOOPBACK + ":" + this.port + "/connection/websocket";
    }

    /** The server HTTP API base URL: {@code http://127.0.0.1:<port>/api}; methods go below it. */
    public String apiUrl() {
        return httpUrl() + "/api";
    }

    /** The HTTP API key, sent as the {@code X-API-Key} header. */
    public String apiKey() {
        return this.apiKey;
    }

    /** The HMAC secret for HS256/384/512 connection and subscription tokens (its UTF-8 bytes are the key). */
    public String hmacSecret() {
        return this.hmacSecret;
    }

    /**
     * The file that receives Centrifugo's output.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized Path logFile() {
        if (this.logFile == null) {
            throw new IllegalStateException("Centrifugo was not started, so there is no log file yet");
        }
        return this.logFile;
    }

    /** Centrifugo's output so far; empty before {@link #start()}. */
    public synchronized String logs() {
        if (this.logFile == null) {
            return "";
        }
        try {
            // Decoding leniently: a log cut in the middle of a character must still be readable.
            return new String(Files.readAllBytes(this.logFile), StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            return "";
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + this.logFile, ex);
        }
    }

    /** A copy of the configuration Centrifugo runs with, after the {@link Builder#config} hooks. */
    ObjectNode configuration() {
        return this.configuration.deepCopy();
    }

    @Override
    public String toString() {
        return "CentrifugoServer{" + httpUrl() + ", running=" + isRunning() + "}";
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String randomSecret(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ex) {
            logger.debug("Could not delete {}", file, ex);
        }
    }

    /**
     * Configures a {@link CentrifugoServer}. Every setting has a default, so {@code
     * CentrifugoServer.builder().start()} gives a working server.
     */
    public static final class Builder {

        /** Centrifugo's rule for namespace names. */
        private static final Pattern NAMESPACE_NAME = Pattern.compile("^[-a-zA-Z0-9_.]{2,}$");

        private @Nullable Path binary;

        private @Nullable Integer port;

        private @Nullable String apiKey;

        private @Nullable String hmacSecret;

        private final Map<String, String> proxyHeaders = new LinkedHashMap<>();

        private @Nullable String rpcProxyEndpoint;

        private final List<String> rpcNamespaces = new ArrayList<>();

        private @Nullable String connectProxyEndpoint;

        private @Nullable String refreshProxyEndpoint;

        private @Nullable String subscribeProxyEndpoint;

        private @Nullable String publishProxyEndpoint;

        private @Nullable String subRefreshProxyEndpoint;

        private final List<String> forwardedHeaders = new ArrayList<>();

        private final Map<String, Consumer<ObjectNode>> channelNamespaces = new LinkedHashMap<>();

        private Duration proxyTimeout = Duration.ofSeconds(5);

        private @Nullable String redisAddress;

        private final List<Consumer<ObjectNode>> configHooks = new ArrayList<>();

        private final Map<String, String> environment = new LinkedHashMap<>();

        private Duration startupTimeout = Duration.ofSeconds(30);

        private @Nullable Path logDirectory;

        private BinaryResolver binaryResolver = BinaryResolver.fromRuntime();

        private Builder() {}

        /** The Centrifugo binary to run, instead of looking it up. */
        public Builder binary(Path binary) {
            this.binary = requireNonNull(binary, "binary");
            return this;
        }

        /** The HTTP port; by default a free loopback port. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'port' must be between 1 and 65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /** The HTTP API key; by default a random one. */
        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            return this;
        }

        /**
         * The HMAC secret for HS256 tokens; by default 64 random characters, enough for HS512 too.
         * Centrifugo uses the raw string bytes; {@code CentrifugoTokens} wants at least as many as the
         * hash: 32 for HS256, 48 for HS384, 64 for HS512.
         */
        public Builder hmacSecret(String hmacSecret) {
            this.hmacSecret = requireText(hmacSecret, "hmacSecret");
            return this;
        }

        /**
         * A header Centrifugo sends with every proxy request (as {@code http.static_headers}), so
         * the application can tell Centrifugo's calls from anyone else's. Calling it again with
         * another name adds a header.
         */
        public Builder proxySecret(String headerName, String value) {
            this.proxyHeaders.put(requireText(headerName, "headerName"), requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sends RPCs of methods without a namespace to the given endpoint ({@code rpc.proxy} with
         * {@code rpc.without_namespace.proxy_enabled}).
         */
        public Builder rpcProxy(String endpointUrl) {
            String endpoint = requireText(endpointUrl, "endpointUrl");
            try {
                URI uri = URI.create(endpoint);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "'endpointUrl' must be an absolute URL such as http://127.0.0.1:8080/centrifugo/rpc, but was '"
                                + endpoint + "'",
                        ex);
            }
            this.rpcProxyEndpoint = endpoint;
            return this;
        }

        /**
         * Points every proxy at an application that serves them at centrifugo4j's default paths
         * ({@code /centrifugo/rpc/}, {@code /centrifugo/connect/}, {@code /centrifugo/refresh/},
         * {@code /centrifugo/subscribe/}, {@code /centrifugo/publish/}, {@code /centrifugo/sub_refresh/}),
         * and enables the connect and refresh proxies. Channel namespaces choose the channel proxies
         * with {@code subscribe_proxy_enabled} etc. (see {@link #channelNamespace}).
         *
         * @param baseUrl the application's base URL, for example {@code http://127.0.0.1:8080}
         */
        public Builder appProxies(String baseUrl) {
            String base = requireText(baseUrl, "baseUrl").replaceAll("/+$", "");
            rpcProxy(base + "/centrifugo/rpc/");
            this.connectProxyEndpoint = base + "/centrifugo/connect/";
            this.refreshProxyEndpoint = base + "/centrifugo/refresh/";
            this.subscribeProxyEndpoint = base + "/centrifugo/subscribe/";
            this.publishProxyEndpoint = base + "/centrifugo/publish/";
            this.subRefreshProxyEndpoint = base + "/centrifugo/sub_refresh/";
            return this;
        }

        /**
         * Forwards these headers of the client's own HTTP (WebSocket upgrade) request with every proxy
         * request of its connection ({@code http_headers}), for example {@code Cookie} so that the
         * application sees the user's session.
         */
        public Builder forwardHeaders(String... names) {
            for (String name : names) {
                this.forwardedHeaders.add(requireText(name, "names"));
            }
            return this;
        }

        /**
         * Adds a channel namespace with the given options, for example {@code ns ->
         * ns.put("subscribe_proxy_enabled", true)}.
         */
        public Builder channelNamespace(String name, Consumer<ObjectNode> options) {
            requireNonNull(name, "name");
            if (!NAMESPACE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'name' must match " + NAMESPACE_NAME.pattern()
                        + " (Centrifugo's rule), but was '" + name + "'");
            }
            this.channelNamespaces.put(name, requireNonNull(options, "options"));
            return this;
        }

        /**
         * Adds an RPC namespace ({@code name:method}) whose calls go to the {@link #rpcProxy RPC
         * proxy} as well.
         */
        public Builder rpcNamespace(String name) {
            requireNonNull(name, "name");
            if (!NAMESPACE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'name' must match " + NAMESPACE_NAME.pattern()
                        + " (Centrifugo's rule), but was '" + name + "'");
            }
            if (!this.rpcNamespaces.contains(name)) {
                this.rpcNamespaces.add(name);
            }
            return this;
        }

        /**
         * Uses the Redis engine (broker and presence manager) at the given address, for example
         * {@link RedisServer#address()}, instead of the memory engine: history, presence and the
         * results of idempotent publications then live in Redis and outlive a restart of
         * Centrifugo, and the nodes that share one Redis form a cluster.
         */
        public Builder redisEngine(String address) {
            this.redisAddress = requireText(address, "address");
            return this;
        }

        /** How long Centrifugo waits for a proxy answer; 5 seconds by default (Centrifugo's is 1). */
        public Builder proxyTimeout(Duration timeout) {
            this.proxyTimeout = requirePositive(timeout, "timeout");
            return this;
        }

        /**
         * A hook that may change anything in the generated JSON configuration before it is written.
         * Hooks run in the order they were added.
         *
         * <pre>{@code
         * .config(json -> json.withObject("/client").put("insecure", true))
         * }</pre>
         */
        public Builder config(Consumer<ObjectNode> customizer) {
            this.configHooks.add(requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * An environment variable of the Centrifugo process, for example a {@code CENTRIFUGO_VAR_*}
         * variable that the configuration expands ({@code "${CENTRIFUGO_VAR_PROXY_SECRET}"} in {@code
         * static_headers}). The process inherits no other {@code CENTRIFUGO_*} variable.
         */
        public Builder environment(String name, String value) {
            this.environment.put(requireText(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        /** How long {@link CentrifugoServer#start()} waits for {@code /health}; 30 seconds by default. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = requirePositive(timeout, "timeout");
            return this;
        }

        /**
         * Where the log file goes; by default {@code target/centrifugo-logs} when the working
         * directory has a {@code target} folder, otherwise a new temporary folder.
         */
        public Builder logDirectory(Path directory) {
            this.logDirectory = requireNonNull(directory, "directory");
            return this;
        }

        /** Replaces the lookup of the binary, so tests need not touch the real environment. */
        Builder binaryResolver(BinaryResolver resolver) {
            this.binaryResolver = requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Builds the server without starting it; its port and secrets are already fixed.
         *
         * @throws IllegalStateException when an RPC namespace was added without an RPC proxy
         */
        public CentrifugoServer build() {
            if (!this.rpcNamespaces.isEmpty() && this.rpcProxyEndpoint == null) {
                throw new IllegalStateException("RPC namespaces " + this.rpcNamespaces
                        + " need an RPC proxy: call rpcProxy(endpointUrl) as well");
            }
            return new CentrifugoServer(this, this.binaryResolver);
        }

        /** Builds and {@linkplain CentrifugoServer#start() starts} the server. */
        public CentrifugoServer start() {
            return build().start();
        }

        ObjectNode configuration(int port, String apiKey, String hmacSecret) {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("http_server").put("address", LOOPBACK).put("port", port);
            root.putObject("log").put("level", "debug");
            root.putObject("usage_stats").put("disabled", true);
            root.putObject("health").put("enabled", true);
            if (this.redisAddress != null) {
                root.putObject("engine")
                        .put("type", "redis")
                        .putObject("redis")
                        .putArray("address")
                        .add(this.redisAddress);
            }
            root.putObject("http_api").put("key", apiKey);
            ObjectNode client = root.putObject("client");
            client.putArray("allowed_origins").add("*");
            client.putObject("token").put("hmac_secret_key", hmacSecret);
            root.putObject("channel")
                    .putObject("without_namespace")
                    .put("presence", true)
                    .put("history_size", 10)
                    .put("history_ttl", "60s")
                    .put("allow_subscribe_for_client", true)
                    .put("allow_publish_for_subscriber", true)
                    .put("allow_presence_for_subscriber", true)
                    .put("allow_history_for_subscriber", true);
            if (this.rpcProxyEndpoint != null) {
                ObjectNode rpc = root.putObject("rpc");
                proxy(rpc.putObject("proxy"), this.rpcProxyEndpoint);
                rpc.putObject("without_namespace").put("proxy_enabled", true);
                if (!this.rpcNamespaces.isEmpty()) {
                    ArrayNode namespaces = rpc.putArray("namespaces");
                    this.rpcNamespaces.forEach(
                            name -> namespaces.addObject().put("name", name).put("proxy_enabled", true));
                }
            }
            if (this.connectProxyEndpoint != null) {
                proxy(client.withObject("/proxy").putObject("connect"), this.connectProxyEndpoint)
                        .put("enabled", true);
            }
            if (this.refreshProxyEndpoint != null) {
                proxy(client.withObject("/proxy").putObject("refresh"), this.refreshProxyEndpoint)
                        .put("enabled", true);
            }
            ObjectNode channel = (ObjectNode) root.get("channel");
            if (this.subscribeProxyEndpoint != null) {
                proxy(channel.withObject("/proxy").putObject("subscribe"), this.subscribeProxyEndpoint);
            }
            if (this.publishProxyEndpoint != null) {
                proxy(channel.withObject("/proxy").putObject("publish"), this.publishProxyEndpoint);
            }
            if (this.subRefreshProxyEndpoint != null) {
                proxy(channel.withObject("/proxy").putObject("sub_refresh"), this.subRefreshProxyEndpoint);
            }
            if (!this.channelNamespaces.isEmpty()) {
                ArrayNode namespaces = channel.putArray("namespaces");
                this.channelNamespaces.forEach(
                        (name, options) -> options.accept(namespaces.addObject().put("name", name)));
            }
            this.configHooks.forEach(hook -> hook.accept(root));
            return root;
        }

        /** Fills a proxy object: endpoint, timeout, forwarded headers and the static secret headers. */
        private ObjectNode proxy(ObjectNode proxy, String endpoint) {
            proxy.put("endpoint", endpoint).put("timeout", goDuration(this.proxyTimeout));
            if (!this.forwardedHeaders.isEmpty()) {
                ArrayNode headers = proxy.putArray("http_headers");
                this.forwardedHeaders.forEach(headers::add);
            }
            if (!this.proxyHeaders.isEmpty()) {
                ObjectNode headers = proxy.putObject("http").putObject("static_headers");
                this.proxyHeaders.forEach(headers::put);
            }
            return proxy;
        }

        /** A Go duration string, as Centrifugo's configuration expects ({@code 5s}, {@code 1500ms}). */
        static String goDuration(Duration duration) {
            if (duration.toMillis() % 1000 == 0 && duration.getNano() % 1_000_000 == 0) {
                return duration.toSeconds() + "s";
            }
            if (duration.getNano() % 1_000_000 == 0) {
                return duration.toMillis() + "ms";
            }
            return duration.toNanos() + "ns";
        }

        private static <T> T requireNonNull(@Nullable T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("'" + name + "' must not be null");
            }
            return value;
        }

        private static String requireText(@Nullable String value, String name) {
            if (requireNonNull(value, name).isBlank()) {
                throw new IllegalArgumentException("'" + name + "' must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(@Nullable Duration value, String name) {
            if (requireNonNull(value, name).isNegative() || value.isZero()) {
                throw new IllegalArgumentException("'" + name + "' must be positive, but was " + value);
            }
            return value;
        }
    }
}
