package dev.centrifugo4j.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away Redis server on loopback, for tests of Centrifugo's Redis engine: a free port, its
 * own temporary directory, no persistence, stopped on {@link #close()}. It runs Debian's {@code
 * redis-server} (apt package {@code redis-server}), found on the {@code PATH} or at {@code
 * /usr/bin/redis-server}; a system Redis service, if any, is not used.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start();
 *         CentrifugoServer centrifugo = CentrifugoServer.builder().redisEngine(redis.address()).start()) {
 *     ...
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    /** The Debian package that provides the binary. */
    public static final String APT_PACKAGE = "redis-server";

    private static final Logger logger = LoggerFactory.getLogger(RedisServer.class);

    private static final String BINARY_NAME = "redis-server";

    private static final Path DEBIAN_BINARY = Path.of("/usr/bin/redis-server");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final int port;

    private final Path directory;

    private final Process process;

    private final Thread shutdownHook;

    private boolean closed;

    private RedisServer(int port, Path directory, Process process, Thread shutdownHook) {
        this.port = port;
        this.directory = directory;
        this.process = process;
        this.shutdownHook = shutdownHook;
    }

    /**
     * The {@code redis-server} binary: the first on the {@code PATH}, else {@code
     * /usr/bin/redis-server}; empty when neither exists.
     */
    public static Optional<Path> findBinary() {
        return findBinary(System.getenv());
    }

    static Optional<Path> findBinary(Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (directory.isBlank()) {
                    continue;
                }
                try {
                    Path candidate = Path.of(directory, BINARY_NAME);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException ex) {
                    // Not a directory name: skip it.
                }
            }
        }
        return Files.isExecutable(DEBIAN_BINARY) ? Optional.of(DEBIAN_BINARY) : Optional.empty();
    }

    /** What to do when {@link #findBinary()} finds nothing. */
    public static String missingBinaryMessage() {
        return "No " + BINARY_NAME + " on the PATH nor at " + DEBIAN_BINARY + ": install Debian's '" + APT_PACKAGE
                + "' package (apt-get install -y " + APT_PACKAGE + ", as .ci/run does)";
    }

    /**
     * Starts Redis on a free loopback port and waits until it answers {@code PING}.
     *
     * @return the running server
     * @throws IllegalStateException when the binary is missing (naming the apt package) or Redis
     *     does not start (with the end of its log)
     */
    public static RedisServer start() {
        Path binary = findBinary().orElseThrow(() -> new IllegalStateException(missingBinaryMessage()));
        int port = CentrifugoServer.freePort();
        Path directory;
        Process process;
        try {
            directory = Files.createTempDirectory("redis-" + port + "-");
            Path log = directory.resolve("redis.log");
            // Everything on the command line: no config file, no persistence, loopback only.
            List<String> command = List.of(
                    binary.toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    directory.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                    "--logfile",
                    log.toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("redis.out").toFile()))
                    .start();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + binary, ex);
        }
        Thread hook = new Thread(() -> ServerProcesses.stop(process), "redis-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RedisServer server = new RedisServer(port, directory, process, hook);
        server.awaitPing(binary);
        logger.info("Redis {} is up on 127.0.0.1:{} (directory {})", binary, port, directory);
        return server;
    }

    private void awaitPing(Path binary) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() - deadline < 0) {
            if (!this.process.isAlive()) {
                throw startFailure(binary, "it exited with code " + this.process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
                socket.setSoTimeout(1000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = new byte[7];
                int read = socket.getInputStream().read(answer);
                String text = (read > 0) ? new String(answer, 0, read, StandardCharsets.US_ASCII) : "";
                if (text.startsWith("+PONG")) {
                    return;
                }
                last = "PING answered '" + text.strip() + "'";
            } catch (IOException ex) {
                last = "PING failed: " + ex;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw startFailure(binary, "interrupted while waiting");
            }
        }
        throw startFailure(binary, "no PONG within " + STARTUP_TIMEOUT + " (" + last + ")");
    }

    private IllegalStateException startFailure(Path binary, String reason) {
        close();
        return new IllegalStateException(
                "Redis (" + binary + ") did not start on port " + this.port + ": " + reason + ". Log:\n" + logs());
    }

    /** The port Redis listens on. */
    public int port() {
        return this.port;
    }

    /** The address for Centrifugo's Redis engine: {@code redis://127.0.0.1:<port>}. */
    public String address() {
        return "redis://127.0.0.1:" + this.port;
    }

    /** Whether the process is alive. */
    public boolean isRunning() {
        return this.process.isAlive();
    }

    /** Redis's log so far (empty once closed: the directory is deleted). */
    public String logs() {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"redis.out", "redis.log"}) {
            try {
                text.append(Files.readString(this.directory.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException ex) {
                // Not written (yet).
            }
        }
        return text.toString();
    }

    /** Stops Redis (SIGTERM, then SIGKILL after 5 seconds) and deletes its directory. */
    @Override
    public synchronized void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        ServerProcesses.stop(this.process);
        try {
            Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
        } catch (IllegalStateException ex) {
            // The JVM is shutting down and runs the hook itself.
        }
        deleteRecursively(this.directory);
    }

    private static void deleteRecursively(@Nullable Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ex) {
                    // A temp file left behind is harmless.
                }
            });
        } catch (IOException ex) {
            // Already gone.
        }
    }

    @Override
    public String toString() {
        return "RedisServer{" + address() + ", running=" + isRunning() + "}";
    }
}
