package dev.centrifugo4j.codegen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.centrifugo4j.contract.InvalidContractException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CentrifugoConfigGeneratorTests {

    private static final Path ZOO = Path.of("src/test/resources/zoo-contract.json");

    private static final Path CONFIG_CONTRACT = Path.of("src/test/resources/config-contract.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String resource(String name) throws IOException {
        try (InputStream in =
                CentrifugoConfigGeneratorTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ConfigRequest defaults(Path contract, Path output, @Nullable Path mergeInto) {
        return new ConfigRequest(
                contract,
                output,
                mergeInto,
                ConfigRequest.DEFAULT_APP_URL,
                ConfigRequest.ProxyPaths.DEFAULTS,
                ConfigRequest.DEFAULT_PROXY_TIMEOUT,
                ConfigRequest.DEFAULT_SECRET_HEADER,
                ConfigRequest.DEFAULT_SECRET_VARIABLE,
                false,
                false,
                List.of());
    }

    private static ConfigRequest everyOption(Path output) {
        return new ConfigRequest(
                CONFIG_CONTRACT,
                output,
                null,
                "https://app.internal:8443/",
                new ConfigRequest.ProxyPaths(
                        "/rt/rpc", "/rt/connect", "/rt/refresh", "/rt/subscribe", "/rt/publish", "/rt/sub-refresh"),
                "1500ms",
                "X-Proxy-Token",
                "CENTRIFUGO_VAR_APP_TOKEN",
                true,
                true,
                List.of("Cookie", "Authorization"));
    }

    @Nested
    class TheFragment {

        @Test
        void matchesTheGoldenFileForTheTypeZooWithTheDefaults(@TempDir Path dir) throws IOException {
            Path output = dir.resolve("config.json");

            CentrifugoConfigGenerator.Result result =
                    new CentrifugoConfigGenerator().generate(defaults(ZOO, output, null));

            assertThat(result.written()).isTrue();
            assertThat(result.warnings()).isEmpty();
            assertThat(output).content(StandardCharsets.UTF_8).isEqualTo(resource("golden/config/zoo.json"));
        }

        @Test
        void matchesTheGoldenFileWithEveryOption(@TempDir Path dir) throws IOException {
            Path output = dir.resolve("config.json");

            CentrifugoConfigGenerator.Result result = new CentrifugoConfigGenerator().generate(everyOption(output));

            assertThat(output).content(StandardCharsets.UTF_8).isEqualTo(resource("golden/config/all-options.json"));
            assertThat(result.warnings())
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("'{tenant}:events'", "subscribe_proxy_enabled");
        }

        @Test
        void namesTheSecretVariableAndNeverASecret(@TempDir Path dir) throws IOException {
            Path output = dir.resolve("config.json");
            new CentrifugoConfigGenerator().generate(defaults(ZOO, output, null));

            JsonNode rpcProxy = JSON.readTree(output.toFile()).path("rpc").path("proxy");

            assertThat(rpcProxy.path("http")
                            .path("static_headers")
                            .path("X-Centrifugo-Proxy-Secret")
                            .asString())
                    .isEqualTo("${CENTRIFUGO_VAR_PROXY_SECRET}");
        }

        @Test
        void enablesTheRpcProxyWithoutNamespaceEvenWithoutSuchMethodsForSystemContract(@TempDir Path dir)
                throws IOException {
            Path contract = dir.resolve("contract.json");
            Files.writeString(
                    contract,
                    "{\"version\":\"v\",\"rpc\":[{\"name\":\"admin:ban\",\"handler\":\"A\",\"async\":false}],"
                            + "\"channels\":[],\"$defs\":{}}");
            Path output = dir.resolve("config.json");

            new CentrifugoConfigGenerator().generate(defaults(contract, output, null));

            JsonNode config = JSON.readTree(output.toFile());
            assertThat(config.path("rpc")
                            .path("without_namespace")
                            .path("proxy_enabled")
                            .asBoolean())
                    .isTrue();
            assertThat(config.path("rpc").path("namespaces").get(0).path("name").asString())
                    .isEqualTo("admin");
            assertThat(config.has("channel"))
                    .as("no channel handlers, no channel section")
                    .isFalse();
        }

        @Test
        void refusesANamespaceCentrifugoWouldRefuse(@TempDir Path dir) throws IOException {
            Path contract = dir.resolve("contract.json");
            Files.writeString(
                    contract,
                    "{\"version\":\"v\",\"rpc\":[],\"channels\":[{\"pattern\":\"x:{id}\",\"operation\":\"subscribe\","
                            + "\"variables\":[{\"name\":\"id\",\"schema\":{\"type\":\"string\"}}],\"handler\":\"A\"}],"
                            + "\"$defs\":{}}");

            assertThatExceptionOfType(InvalidContractException.class)
                    .isThrownBy(() ->
                            new CentrifugoConfigGenerator().generate(defaults(contract, dir.resolve("c.json"), null)))
                    .withMessageContaining("Channel pattern 'x:{id}' is in namespace 'x', which Centrifugo refuses");
        }

        @Test
        void refusesAChannelPatternTheGrammarRefusesNamingIt(@TempDir Path dir) throws IOException {
            Map<String, String> problems = Map.of(
                    "chat:{room", "has an unmatched '{' at index 5",
                    "chat:{room}{id}", "has two adjacent variables {room}{id}",
                    "chat:{1st}", "has an invalid variable name '1st'",
                    "chat:{}", "has an empty variable {}",
                    "chat: room", "must not contain whitespace",
                    "chat:{id}.{id}", "uses the variable 'id' twice");
            for (Map.Entry<String, String> problem : problems.entrySet()) {
                Path contract = dir.resolve("contract.json");
                Files.writeString(
                        contract,
                        "{\"version\":\"v\",\"rpc\":[],\"channels\":[{\"pattern\":"
                                + JSON.writeValueAsString(problem.getKey())
                                + ",\"operation\":\"subscribe\",\"variables\":[],\"handler\":\"A\"}],\"$defs\":{}}");
                Path output = dir.resolve("c.json");

                assertThatExceptionOfType(InvalidContractException.class)
                        .as(problem.getKey())
                        .isThrownBy(() -> new CentrifugoConfigGenerator().generate(defaults(contract, output, null)))
                        .withMessageStartingWith("Channel pattern '" + problem.getKey() + "' " + problem.getValue())
                        .withMessageContaining("a subscribe handler's pattern in the contract")
                        .withMessageContaining("no Centrifugo configuration is written");
                assertThat(output).doesNotExist();
            }
        }

        @Test
        void saysToCompileFirstWhenThereIsNoContract(@TempDir Path dir) {
            assertThatExceptionOfType(InvalidContractException.class)
                    .isThrownBy(() -> new CentrifugoConfigGenerator()
                            .generate(defaults(dir.resolve("none.json"), dir.resolve("c.json"), null)))
                    .withMessageContaining("compile the application first");
        }
    }

    @Nested
    class Rerunning {

        @Test
        void rewritesNothingWhenNothingChanged(@TempDir Path dir) throws IOException {
            Path output = dir.resolve("config.json");
            CentrifugoConfigGenerator generator = new CentrifugoConfigGenerator();
            generator.generate(defaults(ZOO, output, null));
            FileTime past = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(output, past);

            CentrifugoConfigGenerator.Result again = generator.generate(defaults(ZOO, output, null));

            assertThat(again.written()).isFalse();
            assertThat(Files.getLastModifiedTime(output)).isEqualTo(past);
        }

        @Test
        void rewritesTheFileWhenTheRequestChanged(@TempDir Path dir) throws IOException {
            Path output = dir.resolve("config.json");
            CentrifugoConfigGenerator generator = new CentrifugoConfigGenerator();
            generator.generate(defaults(ZOO, output, null));

            CentrifugoConfigGenerator.Result again = generator.generate(everyOption(output));

            assertThat(again.written()).isTrue();
            assertThat(output).content(StandardCharsets.UTF_8).contains("https://app.internal:8443/rt/rpc");
        }
    }

    @Nested
    class Merging {

        private static final String BASE = """
                {
                  "http_server": {"port": 9000},
                  "client": {"token": {"hmac_secret_key": "${CENTRIFUGO_VAR_HMAC}"}, "allowed_origins": ["https://example.com"]},
                  "channel": {
                    "namespaces": [
                      {"name": "zoo", "presence": true, "history_size": 10, "history_ttl": "60s"},
                      {"name": "other", "allow_subscribe_for_client": true}
                    ]
                  },
                  "rpc": {"proxy": {"endpoint": "http://old:1/rpc", "timeout": "1s", "http_headers": ["Cookie"]}}
                }
                """;

        @Test
        void keepsWhatTheBaseSaysAndAddsOrReplacesTheGeneratedSettings(@TempDir Path dir) throws IOException {
            Path base = dir.resolve("centrifugo.json");
            Files.writeString(base, BASE);
            Path output = dir.resolve("out/config.json");

            new CentrifugoConfigGenerator().generate(defaults(ZOO, output, base));

            JsonNode config = JSON.readTree(output.toFile());
            assertThat(config.path("http_server").path("port").asInt()).isEqualTo(9000);
            assertThat(config.path("client").path("allowed_origins").get(0).asString())
                    .isEqualTo("https://example.com");
            JsonNode zoo = config.path("channel").path("namespaces").get(0);
            assertThat(zoo.path("name").asString()).isEqualTo("zoo");
            assertThat(zoo.path("history_size").asInt()).isEqualTo(10);
            assertThat(zoo.path("subscribe_proxy_enabled").asBoolean()).isTrue();
            assertThat(zoo.path("publish_proxy_enabled").asBoolean()).isTrue();
            assertThat(config.path("channel")
                            .path("namespaces")
                            .get(1)
                            .path("name")
                            .asString())
                    .isEqualTo("other");
            assertThat(config.path("channel").path("namespaces").size()).isEqualTo(2);
            JsonNode rpcProxy = config.path("rpc").path("proxy");
            assertThat(rpcProxy.path("endpoint").asString()).isEqualTo("http://localhost:8080/centrifugo/rpc/");
            assertThat(rpcProxy.path("timeout").asString()).isEqualTo("5s");
            assertThat(rpcProxy.path("http_headers").get(0).asString()).isEqualTo("Cookie");
            assertThat(base).content().isEqualTo(BASE);
        }

        @Test
        void isIdempotentWhenTheOutputIsTheBaseItself(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("config.json");
            Files.writeString(file, BASE);
            CentrifugoConfigGenerator generator = new CentrifugoConfigGenerator();

            assertThat(generator.generate(defaults(ZOO, file, file)).written()).isTrue();
            String once = Files.readString(file);
            assertThat(generator.generate(defaults(ZOO, file, file)).written()).isFalse();
            assertThat(file).content().isEqualTo(once);
        }

        @Test
        void failsClearlyWhenTheBaseIsMissingOrNotAJsonObject(@TempDir Path dir) throws IOException {
            Path yaml = dir.resolve("config.yaml");
            Files.writeString(yaml, "rpc:\n  proxy: {}\n");
            CentrifugoConfigGenerator generator = new CentrifugoConfigGenerator();

            assertThatExceptionOfType(InvalidConfigException.class)
                    .isThrownBy(
                            () -> generator.generate(defaults(ZOO, dir.resolve("c.json"), dir.resolve("none.json"))))
                    .withMessageContaining("No Centrifugo configuration at")
                    .withMessageContaining("none.json to merge into");
            assertThatExceptionOfType(InvalidConfigException.class)
                    .isThrownBy(() -> generator.generate(defaults(ZOO, dir.resolve("c.json"), yaml)))
                    .withMessageContaining("is not JSON");
        }
    }

    @Nested
    class TheRequest {

        @Test
        void refusesWhatCentrifugoCouldNotUse() {
            Path out = Path.of("c.json");
            ConfigRequest.ProxyPaths paths = ConfigRequest.ProxyPaths.DEFAULTS;
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ConfigRequest(
                            ZOO,
                            out,
                            null,
                            "app:8080",
                            paths,
                            "5s",
                            "X-S",
                            "CENTRIFUGO_VAR_S",
                            false,
                            false,
                            List.of()))
                    .withMessageContaining("'appUrl' must be the application's base URL");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ConfigRequest(
                            ZOO,
                            out,
                            null,
                            "http://a",
                            paths,
                            "5 seconds",
                            "X-S",
                            "CENTRIFUGO_VAR_S",
                            false,
                            false,
                            List.of()))
                    .withMessageContaining("'proxyTimeout' must be a Go duration");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ConfigRequest(
                            ZOO,
                            out,
                            null,
                            "http://a",
                            paths,
                            "5s",
                            "X S",
                            "CENTRIFUGO_VAR_S",
                            false,
                            false,
                            List.of()))
                    .withMessageContaining("'secretHeader' must be an HTTP header name");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ConfigRequest(
                            ZOO, out, null, "http://a", paths, "5s", "X-S", "PROXY_SECRET", false, false, List.of()))
                    .withMessageContaining("'secretVariable' must match CENTRIFUGO_VAR_");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ConfigRequest.ProxyPaths("rpc", "/c", "/r", "/s", "/p", "/sr"))
                    .withMessageContaining("'rpcPath' must be a path that starts with / (as the starter's"
                            + " centrifugo.proxy.rpc-path)");
        }
    }
}
