package dev.centrifugo4j.codegen.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration centrifugo:config writes, run by the real Centrifugo 6.9.1: {@code centrifugo
 * checkconfig} accepts it (and refuses it without the secret variable), and a client of the official
 * JavaScript SDK reaches a loopback application through every proxy it enables, each request carrying
 * the secret that Centrifugo took from the environment.
 */
class ConfigThroughCentrifugoTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SECRET = "proxy-secret-from-the-environment-0123456789";

    /** What the application saw: path, the secret header's value, and the request body. */
    record Call(String path, String secret, JsonNode body) {}

    @Test
    void centrifugoAcceptsTheConfigurationAndProxiesEveryCallWithTheSecretFromTheEnvironment(@TempDir Path dir)
            throws Exception {
        int appPort = CentrifugoServer.freePort();
        Path file = dir.resolve("config.json");
        ConfigRequest request = new ConfigRequest(
                Path.of("src/test/resources/zoo-contract.json"),
                file,
                null,
                "http://127.0.0.1:" + appPort,
                ConfigRequest.ProxyPaths.DEFAULTS,
                ConfigRequest.DEFAULT_PROXY_TIMEOUT,
                ConfigRequest.DEFAULT_SECRET_HEADER,
                ConfigRequest.DEFAULT_SECRET_VARIABLE,
                true,
                false,
                List.of());
        new CentrifugoConfigGenerator().generate(request);
        assertThat(file).content().doesNotContain(SECRET);

        assertThat(checkconfig(file, Map.of(ConfigRequest.DEFAULT_SECRET_VARIABLE, SECRET)))
                .startsWith("0:");
        assertThat(checkconfig(file, Map.of()))
                .startsWith("1:")
                .contains("environment variable \"CENTRIFUGO_VAR_PROXY_SECRET\" not found");

        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        HttpServer app = application(appPort, calls);
        ObjectNode generated = (ObjectNode) JSON.readTree(file.toFile());
        try (CentrifugoServer centrifugo = CentrifugoServer.builder()
                .config(root -> CentrifugoConfigGenerator.merge(root, generated))
                .environment(ConfigRequest.DEFAULT_SECRET_VARIABLE, SECRET)
                .start()) {
            JsonNode output = JavaScriptClient.in(Path.of("config-client"))
                    .run("through-config.mjs", Map.of("CENTRIFUGO_URL", centrifugo.websocketUrl()));

            assertThat(output.has("failed")).as(output.toString()).isFalse();
            assertThat(output.path("rpc").path("method").asString()).isEqualTo("zoo.feed");
            assertThat(output.path("rpc").path("data").path("food").asString()).isEqualTo("fish");
            assertThat(output.path("rpcNamespaced").path("method").asString()).isEqualTo("zoo:shape");
            assertThat(output.path("subscribed").asString())
                    .isEqualTo("zoo:cage.lions.7f1d3c2e-0a4b-4c5d-8e9f-112233445566");
            assertThat(output.path("published").asBoolean()).isTrue();
        } finally {
            app.stop(0);
        }
        assertThat(calls)
                .extracting(Call::path)
                .containsExactly(
                        "/centrifugo/connect/",
                        "/centrifugo/rpc/",
                        "/centrifugo/rpc/",
                        "/centrifugo/subscribe/",
                        "/centrifugo/publish/");
        assertThat(calls).extracting(Call::secret).containsOnly(SECRET);
    }

    /** Runs {@code centrifugo checkconfig}; answers "exit code: output". */
    private static String checkconfig(Path file, Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile("checkconfig-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            CentrifugoServer.binary().toString(), "checkconfig", "--config", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("CENTRIFUGO_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return process.exitValue() + ": " + Files.readString(log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * A tiny application on loopback that answers the proxies as the starter would, but only with the
     * secret: without it, HTTP 401 (which Centrifugo turns into an error for the client).
     */
    private static HttpServer application(int port, Queue<Call> calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/centrifugo/", exchange -> {
            try (exchange) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                String path = exchange.getRequestURI().getPath();
                String secret = exchange.getRequestHeaders().getFirst(ConfigRequest.DEFAULT_SECRET_HEADER);
                calls.add(new Call(path, String.valueOf(secret), body));
                if (!SECRET.equals(secret)) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                ObjectNode reply = JSON.createObjectNode();
                switch (path) {
                    case "/centrifugo/connect/" -> reply.putObject("result").put("user", "42");
                    case "/centrifugo/rpc/" -> {
                        ObjectNode data = reply.putObject("result").putObject("data");
                        data.put("method", body.path("method").asString());
                        data.set("data", body.path("data"));
                    }
                    default -> reply.putObject("result");
                }
                send(exchange, reply);
            }
        });
        server.start();
        return server;
    }

    private static void send(HttpExchange exchange, JsonNode reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
