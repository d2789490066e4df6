package dev.centrifugo4j.reliability;

import dev.centrifugo4j.test.CentrifugoServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx (apt package {@code nginx}) as an HTTP load balancer on a free loopback port, with
 * its own configuration, logs and temp files in a directory of its own (under {@code target/}): round robin over the given
 * upstream ports, keep-alive connections to them, and {@code proxy_next_upstream error timeout}, so
 * that a request whose connection to a stopped instance fails goes to the other one. (A POST is
 * passed on only when it was not sent yet: nginx never repeats a non-idempotent request that an
 * upstream may have received.)
 */
final class NginxLoadBalancer implements AutoCloseable {

    static final String MISSING = "No nginx on the PATH nor at /usr/sbin/nginx: install Debian's 'nginx' package "
            + "(apt-get install -y nginx, as .ci/run does)";

    private final int port;

    private final Path directory;

    private final Process process;

    private NginxLoadBalancer(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    static Optional<Path> findBinary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                try {
                    Path candidate = Path.of(directory, "nginx");
                    if (!directory.isBlank() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException ex) {
                    // Not a directory name.
                }
            }
        }
        Path debian = Path.of("/usr/sbin/nginx");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    /** Starts nginx in front of the given loopback ports and waits until it accepts connections. */
    static NginxLoadBalancer start(Path binary, List<Integer> upstreamPorts) {
        int port = CentrifugoServer.freePort();
        try {
            // Kept after the run for its logs: under target/ in the build, like Centrifugo's.
            Path target = Path.of("target");
            Path directory = Files.isDirectory(target)
                    ? Files.createTempDirectory(target.toAbsolutePath(), "nginx-" + port + "-")
                    : Files.createTempDirectory("nginx-" + port + "-");
            // Readable by nginx's worker user when the tests run as root (workers drop to nobody).
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            String servers = upstreamPorts.stream()
                    .map(upstream -> "    server 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=2s;")
                    .collect(Collectors.joining("\n"));
            String d = directory.toString();
            String config = """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log notice;
                    events { worker_connections 512; }
                    http {
                      log_format upstream '$request_uri $status upstream=$upstream_addr upstream_status=$upstream_status';
                      access_log %1$s/access.log upstream;
                      client_body_temp_path %1$s/client_body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      upstream apps {
                    %2$s
                        keepalive 16;
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://apps;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_connect_timeout 1s;
                          proxy_read_timeout 10s;
                          proxy_next_upstream error timeout;
                        }
                      }
                    }
                    """.formatted(d, servers, port);
            Path configFile = directory.resolve("nginx.conf");
            Files.writeString(configFile, config);
            Process process = new ProcessBuilder(
                            binary.toString(),
                            "-p",
                            d,
                            "-c",
                            configFile.toString(),
                            "-e",
                            directory.resolve("error.log").toString(),
                            "-g",
                            "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile())
                    .start();
            NginxLoadBalancer balancer = new NginxLoadBalancer(port, directory, process);
            balancer.awaitListening();
            return balancer;
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start nginx " + binary, ex);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - deadline < 0) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + this.process.exitValue() + ":\n" + logs());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
                return;
            } catch (IOException ex) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for nginx", interrupted);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + this.port + " within 20 s:\n" + logs());
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + this.port;
    }

    /** nginx's output, error log and access log (one line per request, with the upstream tried). */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log", "access.log")) {
            try {
                text.append("--- ").append(name).append('\n').append(Files.readString(this.directory.resolve(name)));
            } catch (IOException ex) {
                // Not written.
            }
        }
        return text.toString();
    }

    /** The access log's lines. */
    List<String> accessLog() {
        try {
            return Files.readAllLines(this.directory.resolve("access.log"));
        } catch (IOException ex) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (!this.process.isAlive()) {
            return;
        }
        this.process.destroy();
        try {
            if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            this.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
