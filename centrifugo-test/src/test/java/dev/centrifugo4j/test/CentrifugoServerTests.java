package dev.centrifugo4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real Centrifugo binary, found the way {@link CentrifugoServer#start()} finds it. */
class CentrifugoServerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Nested
    class GeneratedConfiguration {

        @TempDir
        Path temp;

        @Test
        void passesCentrifugoCheckconfigInStrictMode() throws Exception {
            CentrifugoServer server = CentrifugoServer.builder()
                    .rpcProxy("http://127.0.0.1:8080/centrifugo/rpc")
                    .rpcNamespace("admin")
                    .proxySecret("X-Centrifugo-Secret", "s3cret")
                    .build();
            Path config = this.temp.resolve("config.json");
            Files.writeString(config, JSON.writeValueAsString(server.configuration()));
            Path binary = BinaryResolver.fromRuntime().resolve(null).path();

            // --strict also fails on keys Centrifugo does not know, so every generated key is checked.
            Process check = new ProcessBuilder(binary.toString(), "checkconfig", "--strict", "-c", config.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(check.exitValue()).as("checkconfig output: %s", output).isZero();
        }

        @Test
        void withEveryProxyPassesCentrifugoCheckconfigInStrictMode() throws Exception {
            CentrifugoServer server = CentrifugoServer.builder()
                    .appProxies("http://127.0.0.1:8080")
                    .forwardHeaders("Cookie", "Authorization")
                    .channelNamespace(
                            "chat",
                            ns -> ns.put("subscribe_proxy_enabled", true)
                                    .put("publish_proxy_enabled", true)
                                    .put("sub_refresh_proxy_enabled", true))
                    .proxySecret("X-Centrifugo-Secret", "s3cret")
                    .build();
            Path config = this.temp.resolve("config.json");
            Files.writeString(config, JSON.writeValueAsString(server.configuration()));
            Path binary = BinaryResolver.fromRuntime().resolve(null).path();

            Process check = new ProcessBuilder(binary.toString(), "checkconfig", "--strict", "-c", config.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(check.exitValue()).as("checkconfig output: %s", output).isZero();
            assertThat(server.configuration()
                            .at("/client/proxy/connect/http_headers")
                            .toString())
                    .isEqualTo("[\"Cookie\",\"Authorization\"]");
            assertThat(server.configuration()
                            .at("/channel/proxy/publish/http/static_headers/X-Centrifugo-Secret")
                            .asString())
                    .isEqualTo("s3cret");
        }

        @Test
        void checkconfigRejectsAnUnknownKeySoTheCheckAboveCanFail() throws Exception {
            CentrifugoServer server = CentrifugoServer.builder()
                    .config(json -> json.put("no_such_option", true))
                    .build();
            Path config = this.temp.resolve("config.json");
            Files.writeString(config, JSON.writeValueAsString(server.configuration()));
            Path binary = BinaryResolver.fromRuntime().resolve(null).path();

            Process check = new ProcessBuilder(binary.toString(), "checkconfig", "--strict", "-c", config.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(check.exitValue()).isNotZero();
            assertThat(output).contains("no_such_option");
        }

        @Test
        void usesTheRedisEngineAtTheGivenAddressAndPassesCheckconfig() throws Exception {
            CentrifugoServer server = CentrifugoServer.builder()
                    .redisEngine("redis://127.0.0.1:6390")
                    .build();
            JsonNode config = server.configuration();
            Path file = this.temp.resolve("redis.json");
            Files.writeString(file, JSON.writeValueAsString(config));
            Path binary = BinaryResolver.fromRuntime().resolve(null).path();
            Process check = new ProcessBuilder(binary.toString(), "checkconfig", "--strict", "-c", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(check.exitValue()).as("checkconfig output: %s", output).isZero();
            assertThat(config.at("/engine/type").asString()).isEqualTo("redis");
            assertThat(config.at("/engine/redis/address/0").asString()).isEqualTo("redis://127.0.0.1:6390");
            assertThat(CentrifugoServer.builder().build().configuration().has("engine"))
                    .as("the memory engine by default")
                    .isFalse();
        }

        @Test
        void listensOnLoopbackWithTheKeysSecretAndPermissiveChannels() {
            CentrifugoServer server = CentrifugoServer.builder()
                    .port(18123)
                    .apiKey("test-api-key")
                    .hmacSecret("test-hmac-secret-0123456789abcdef0123456789")
                    .build();

            JsonNode config = server.configuration();

            assertThat(config.at("/http_server/address").asString()).isEqualTo("127.0.0.1");
            assertThat(config.at("/http_server/port").asInt()).isEqualTo(18123);
            assertThat(config.at("/log/level").asString()).isEqualTo("debug");
            assertThat(config.at("/usage_stats/disabled").asBoolean()).isTrue();
            assertThat(config.at("/health/enabled").asBoolean()).isTrue();
            assertThat(config.at("/http_api/key").asString()).isEqualTo("test-api-key");
            assertThat(config.at("/client/allowed_origins/0").asString()).isEqualTo("*");
            assertThat(config.at("/client/token/hmac_secret_key").asString())
                    .isEqualTo("test-hmac-secret-0123456789abcdef0123456789");
            JsonNode channels = config.at("/channel/without_namespace");
            assertThat(channels.get("history_size").asInt()).isEqualTo(10);
            assertThat(channels.get("history_ttl").asString()).isEqualTo("60s");
            assertThat(channels.properties())
                    .extracting(Map.Entry::getKey)
                    .contains(
                            "presence",
                            "allow_subscribe_for_client",
                            "allow_publish_for_subscriber",
                            "allow_presence_for_subscriber",
                            "allow_history_for_subscriber");
            assertThat(config.has("rpc"))
                    .as("no RPC proxy without rpcProxy(...)")
                    .isFalse();
        }

        @Test
        void sendsRpcsWithAndWithoutNamespaceToTheProxyWithTheSecretHeader() {
            CentrifugoServer server = CentrifugoServer.builder()
                    .rpcProxy("http://127.0.0.1:8080/centrifugo/rpc")
                    .rpcNamespace("admin")
                    .rpcNamespace("billing.v1")
                    .proxySecret("X-Centrifugo-Secret", "s3cret")
                    .proxyTimeout(Duration.ofMillis(2500))
                    .build();

            JsonNode rpc = server.configuration().get("rpc");

            assertThat(rpc.at("/proxy/endpoint").asString()).isEqualTo("http://127.0.0.1:8080/centrifugo/rpc");
            assertThat(rpc.at("/proxy/timeout").asString()).isEqualTo("2500ms");
            assertThat(rpc.at("/proxy/http/static_headers/X-Centrifugo-Secret").asString())
                    .isEqualTo("s3cret");
            assertThat(rpc.at("/without_namespace/proxy_enabled").asBoolean()).isTrue();
            assertThat(rpc.get("namespaces"))
                    .hasSize(2)
                    .allSatisfy(namespace -> assertThat(
                                    namespace.get("proxy_enabled").asBoolean())
                            .isTrue());
            assertThat(rpc.at("/namespaces/1/name").asString()).isEqualTo("billing.v1");
        }

        @Test
        void usesAFiveSecondProxyTimeoutByDefault() {
            CentrifugoServer server = CentrifugoServer.builder()
                    .rpcProxy("http://127.0.0.1:8080/centrifugo/rpc")
                    .build();

            assertThat(server.configuration().at("/rpc/proxy/timeout").asString())
                    .isEqualTo("5s");
        }

        @Test
        void letsConfigHooksChangeAnythingInOrder() {
            CentrifugoServer server = CentrifugoServer.builder()
                    .config(json -> json.withObject("/client").put("insecure", true))
                    .config(json -> json.withObject("/log").put("level", "info"))
                    .build();

            assertThat(server.configuration().at("/client/insecure").asBoolean())
                    .isTrue();
            assertThat(server.configuration().at("/log/level").asString()).isEqualTo("info");
        }

        @Test
        void generatesDistinctRandomSecretsLongEnoughForEveryHmacAlgorithm() {
            CentrifugoServer first = CentrifugoServer.builder().build();
            CentrifugoServer second = CentrifugoServer.builder().build();

            // HS512 wants a key as long as its hash: 64 bytes.
            assertThat(first.hmacSecret()).hasSize(64).isNotEqualTo(second.hmacSecret());
            assertThat(first.apiKey()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.apiKey());
            assertThat(first.port()).isPositive();
        }

        @Test
        void writesDurationsTheWayGoParsesThem() {
            assertThat(CentrifugoServer.Builder.goDuration(Duration.ofSeconds(5)))
                    .isEqualTo("5s");
            assertThat(CentrifugoServer.Builder.goDuration(Duration.ofMillis(1500)))
                    .isEqualTo("1500ms");
            assertThat(CentrifugoServer.Builder.goDuration(Duration.ofNanos(1_500)))
                    .isEqualTo("1500ns");
        }
    }

    @Nested
    class BuilderValidation {

        @Test
        void rejectsNamespaceNamesCentrifugoRefuses() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().rpcNamespace("a"))
                    .withMessageContaining("'name' must match");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().rpcNamespace("chat:room"))
                    .withMessageContaining("chat:room");
        }

        @Test
        void rejectsAnRpcNamespaceWithoutAnRpcProxy() {
            assertThatIllegalStateException()
                    .isThrownBy(() ->
                            CentrifugoServer.builder().rpcNamespace("admin").build())
                    .withMessageContaining("rpcProxy(endpointUrl)");
        }

        @Test
        void rejectsPortsOutsideTheTcpRange() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().port(0))
                    .withMessage("'port' must be between 1 and 65535, but was 0");
        }

        @Test
        void rejectsRelativeProxyUrlsAndNonPositiveTimeouts() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().rpcProxy("/centrifugo/rpc"))
                    .withMessageContaining("'endpointUrl' must be an absolute URL");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().startupTimeout(Duration.ZERO))
                    .withMessageContaining("'timeout' must be positive");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().proxyTimeout(Duration.ofSeconds(-1)))
                    .withMessageContaining("'timeout' must be positive");
        }

        @Test
        void rejectsBlankSecrets() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().apiKey(" "))
                    .withMessage("'apiKey' must not be blank");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoServer.builder().proxySecret("", "value"))
                    .withMessage("'headerName' must not be blank");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RunningServer {

        private final int port = CentrifugoServer.freePort();

        private CentrifugoServer server;

        @BeforeAll
        void startCentrifugo() {
            this.server = CentrifugoServer.builder()
                    .port(this.port)
                    .apiKey("running-server-key")
                    .start();
        }

        @AfterAll
        void stopCentrifugo() {
            this.server.close();
        }

        @Test
        void isRunningOnTheChosenPort() {
            assertThat(this.server.isRunning()).isTrue();
            assertThat(this.server.port()).isEqualTo(this.port);
        }

        @Test
        void answersHealthChecks() throws Exception {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(this.server.httpUrl() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        }

        @Test
        void answersTheInfoApiWithTheKeyAndReportsVersion691() throws Exception {
            HttpResponse<String> info = postInfo(this.server.apiKey());

            assertThat(info.statusCode()).isEqualTo(200);
            JsonNode nodes = JSON.readTree(info.body()).at("/result/nodes");
            assertThat(nodes).hasSize(1);
            assertThat(nodes.get(0).get("version").asString()).startsWith("6.9.1");
        }

        @Test
        void rejectsApiCallsWithoutTheKeyWith401() throws Exception {
            HttpResponse<String> withoutKey = HTTP.send(
                    HttpRequest.newBuilder(URI.create(this.server.apiUrl() + "/info"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrongKey = postInfo("wrong-key");

            assertThat(withoutKey.statusCode()).isEqualTo(401);
            assertThat(wrongKey.statusCode()).isEqualTo(401);
        }

        @Test
        void exposesLoopbackUrls() {
            String base = "http://127.0.0.1:" + this.port;

            assertThat(this.server.httpUrl()).isEqualTo(base);
            assertThat(this.server.apiUrl()).isEqualTo(base + "/api");
            assertThat(this.server.websocketUrl()).isEqualTo("ws://127.0.0.1:" + this.port + "/connection/websocket");
            assertThat(this.server.apiKey()).isEqualTo("running-server-key");
        }

        @Test
        void writesItsOutputToALogFileNamedAfterThePort() {
            assertThat(this.server.logFile().getFileName().toString())
                    .startsWith("centrifugo-" + this.port + "-")
                    .endsWith(".log");
            assertThat(this.server.logFile())
                    .startsWith(Path.of("target", "centrifugo-logs").toAbsolutePath());
            assertThat(this.server.logs()).contains("starting Centrifugo");
        }

        @Test
        void refusesToStartTwice() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> this.server.start())
                    .withMessageContaining("already started");
        }

        private HttpResponse<String> postInfo(String apiKey) throws IOException, InterruptedException {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(this.server.apiUrl() + "/info"))
                            .header("X-API-Key", apiKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Nested
    class KillAndRestart {

        @Test
        void killsWithSigkillAndRestartsOnTheSamePortWithTheSameKey() throws Exception {
            try (CentrifugoServer server = CentrifugoServer.builder().start()) {
                int port = server.port();

                server.kill();

                assertThat(server.isRunning()).isFalse();
                assertThatExceptionOfType(IOException.class)
                        .as("nothing listens on the port")
                        .isThrownBy(() -> postInfo(server));

                server.restart();

                assertThat(server.isRunning()).isTrue();
                assertThat(server.port()).isEqualTo(port);
                assertThat(postInfo(server).statusCode()).isEqualTo(200);
                assertThat(server.logs().split("starting Centrifugo", -1)).hasSize(3);
            }
        }

        @Test
        void refusesToRestartARunningServerOrOneNeverStarted() {
            CentrifugoServer notStarted = CentrifugoServer.builder().build();
            assertThatIllegalStateException().isThrownBy(notStarted::restart).withMessageContaining("not started");
            assertThatIllegalStateException().isThrownBy(notStarted::kill).withMessageContaining("not started");
            try (CentrifugoServer running = CentrifugoServer.builder().start()) {
                assertThatIllegalStateException().isThrownBy(running::restart).withMessageContaining("kill() it first");
            }
        }

        private HttpResponse<String> postInfo(CentrifugoServer server) throws IOException, InterruptedException {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.apiUrl() + "/info"))
                            .header("X-API-Key", server.apiKey())
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Nested
    class StartFailures {

        @TempDir
        Path temp;

        @Test
        void failsNamingTheSetupCommandWhenTheBinaryIsMissing() {
            CentrifugoServer server =
                    CentrifugoServer.builder().binary(Path.of("/nonexistent")).build();

            assertThatIllegalStateException()
                    .isThrownBy(server::start)
                    .withMessageContaining("scripts/install-centrifugo")
                    .withMessageContaining("CENTRIFUGO_BIN");
            assertThat(server.isRunning()).isFalse();
        }

        @Test
        void failsNamingTheSetupCommandWhenNoBinaryIsInstalledAnywhere() {
            BinaryResolver nothingInstalled =
                    new BinaryResolver(Map.of("PATH", this.temp.toString()), null, this.temp.resolve("home"));

            assertThatIllegalStateException()
                    .isThrownBy(() -> CentrifugoServer.builder()
                            .binaryResolver(nothingInstalled)
                            .start())
                    .withMessageContaining("No Centrifugo binary found")
                    .withMessageContaining("scripts/install-centrifugo")
                    .withMessageContaining("CENTRIFUGO_BIN");
        }

        @Test
        void failsWithTheLogLinesWhenCentrifugoRejectsTheConfiguration() {
            CentrifugoServer server = CentrifugoServer.builder()
                    .logDirectory(this.temp)
                    .config(json ->
                            json.withObject("/channel/without_namespace").remove("history_ttl"))
                    .build();

            assertThatIllegalStateException()
                    .isThrownBy(server::start)
                    .withMessageContaining("the process exited with code 1")
                    .withMessageContaining("Configuration: " + this.temp)
                    .withMessageContaining("both history size and history ttl required for history");
            assertThat(server.isRunning()).isFalse();
            assertThat(server.logFile()).startsWith(this.temp).exists();
        }

        @Test
        void failsWithTheLogLinesWhenHealthNeverAnswersWithinTheStartupTimeout() {
            CentrifugoServer server = CentrifugoServer.builder()
                    .logDirectory(this.temp)
                    .startupTimeout(Duration.ofSeconds(2))
                    .config(json -> json.withObject("/health").put("enabled", false))
                    .build();

            assertThatIllegalStateException()
                    .isThrownBy(server::start)
                    .withMessageContaining("it was not healthy within PT2S (GET /health answered 404)")
                    .withMessageContaining("starting Centrifugo");
            assertThat(server.isRunning())
                    .as("the process is stopped after the timeout")
                    .isFalse();
        }
    }

    @Nested
    class VersionCheck {

        @TempDir
        Path temp;

        @Test
        void warnsButStartsWhenTheBinaryReportsAnotherVersion() throws Exception {
            // A wrapper that runs the real binary but answers 'version' with another release.
            Path realBinary = BinaryResolver.fromRuntime().resolve(null).path();
            Path wrapper = this.temp.resolve("centrifugo");
            Files.writeString(
                    wrapper,
                    "#!/bin/sh\nif [ \"$1\" = version ]; then echo 'Centrifugo v6.0.0 (Go version: go1.24)'; exit 0; fi\n"
                            + "exec '" + realBinary + "' \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Logger logger = (Logger) LoggerFactory.getLogger(CentrifugoServer.class);
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.start();
            logger.addAppender(appender);
            try (CentrifugoServer server =
                    CentrifugoServer.builder().binary(wrapper).start()) {
                assertThat(server.isRunning()).isTrue();
            } finally {
                logger.detachAppender(appender);
            }

            assertThat(appender.list)
                    .filteredOn(event -> event.getLevel() == Level.WARN)
                    .singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .asString()
                    .contains("reports 'Centrifugo v6.0.0 (Go version: go1.24)'", "made for v6.9.1");
        }
    }

    @Nested
    class Closing {

        @Test
        void stopsTheProcessAndKeepsTheLog() throws Exception {
            CentrifugoServer server = CentrifugoServer.builder().start();
            URI health = URI.create(server.httpUrl() + "/health");

            server.close();

            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() ->
                            HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(ConnectException.class);
            assertThat(server.logFile()).exists();
            assertThat(server.logs()).contains("starting Centrifugo");
            String logName = server.logFile().getFileName().toString();
            Path configuration = server.logFile().resolveSibling(logName.replace(".log", ".json"));
            assertThat(JSON.readTree(configuration.toFile()).at("/http_api/key").asString())
                    .as("the configuration is kept next to the log")
                    .isEqualTo(server.apiKey());
        }

        @Test
        void aShutdownHookStopsCentrifugoWhenTheJvmExitsWithoutClose() throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process jvm = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ExitWithoutClose.class.getName())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(jvm.exitValue()).as(output).isZero();
            String port = output.lines()
                    .filter(line -> line.startsWith("port="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no port in: " + output))
                    .substring("port=".length());

            assertThatThrownBy(() -> HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(ConnectException.class);
        }

        @Test
        void canBeCalledTwiceAndBeforeStart() {
            CentrifugoServer neverStarted = CentrifugoServer.builder().build();
            neverStarted.close();

            assertThat(neverStarted.isRunning()).isFalse();
            assertThat(neverStarted.logs()).isEmpty();
            assertThatIllegalStateException().isThrownBy(neverStarted::logFile);

            CentrifugoServer server = CentrifugoServer.builder().start();
            server.close();
            server.close();

            assertThat(server.isRunning()).isFalse();
        }
    }

    /** Run in a separate JVM: starts Centrifugo and exits without closing it. */
    static final class ExitWithoutClose {

        public static void main(String[] args) {
            CentrifugoServer server = CentrifugoServer.builder().start();
            System.out.println("port=" + server.port());
            System.exit(0);
        }
    }
}
