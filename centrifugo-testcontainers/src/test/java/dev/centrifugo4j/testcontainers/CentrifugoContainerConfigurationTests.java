package dev.centrifugo4j.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the container is configured with, without starting it. */
class CentrifugoContainerConfigurationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, String> environment(CentrifugoContainer container) {
        container.configure();
        return container.getEnvMap();
    }

    @Nested
    class Image {

        @Test
        void isTheUpstreamReleaseByDefault() {
            assertThat(CentrifugoContainer.imageName(null, null).asCanonicalNameString())
                    .isEqualTo("centrifugo/centrifugo:v6.9.1");
            assertThat(CentrifugoContainer.imageName(" ", "").asCanonicalNameString())
                    .isEqualTo("centrifugo/centrifugo:v6.9.1");
        }

        @Test
        void isTheOneTheSystemPropertyOrElseTheVariableNamesAsACompatibleSubstitute() {
            DockerImageName fromProperty =
                    CentrifugoContainer.imageName("local/centrifugo:v6.9.1", "other/centrifugo:v6.9.1");
            assertThat(fromProperty.asCanonicalNameString()).isEqualTo("local/centrifugo:v6.9.1");
            assertThat(fromProperty.isCompatibleWith(CentrifugoContainer.DEFAULT_IMAGE_NAME))
                    .isTrue();
            assertThat(CentrifugoContainer.imageName(null, "other/centrifugo:v6.9.1")
                            .asCanonicalNameString())
                    .isEqualTo("other/centrifugo:v6.9.1");
        }

        @Test
        void mustBeCentrifugoOrDeclaredCompatible() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> new CentrifugoContainer("redis:7.4-alpine"))
                    .withMessageContaining("compatible substitute for 'centrifugo/centrifugo'");
            new CentrifugoContainer(DockerImageName.parse("mine:1").asCompatibleSubstituteFor("centrifugo/centrifugo"));
        }
    }

    @Nested
    class Environment {

        @Test
        void hasTheSecretsTheHealthEndpointAndChannelsClientsMaySubscribeTo() {
            CentrifugoContainer container =
                    new CentrifugoContainer().withApiKey("key").withHmacSecret("hmac");
            Map<String, String> env = environment(container);
            assertThat(env)
                    .containsEntry("CENTRIFUGO_HTTP_API_KEY", "key")
                    .containsEntry("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", "hmac")
                    .containsEntry("CENTRIFUGO_HEALTH_ENABLED", "true")
                    .containsEntry("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_ALLOW_SUBSCRIBE_FOR_CLIENT", "true")
                    .doesNotContainKeys("CENTRIFUGO_RPC_PROXY_ENDPOINT", "CENTRIFUGO_ENGINE_TYPE");
        }

        @Test
        void hasRandomSecretsOfEachContainerByDefault() {
            CentrifugoContainer one = new CentrifugoContainer();
            CentrifugoContainer two = new CentrifugoContainer();
            assertThat(one.getApiKey()).hasSize(48).isNotEqualTo(two.getApiKey());
            assertThat(one.getHmacSecret()).hasSize(48).isNotEqualTo(two.getHmacSecret());
            assertThat(one.getProxySecret()).hasSize(48).isNotEqualTo(two.getProxySecret());
            assertThat(one.getApiKey()).isNotEqualTo(one.getHmacSecret());
        }

        @Test
        void pointsEveryProxyAtTheAppWithTheSecret() {
            CentrifugoContainer container = new CentrifugoContainer()
                    .withProxySecret("proxy-secret-of-at-least-32-bytes")
                    .withProxySecretHeader("X-Proxy")
                    .withProxyTimeout(Duration.ofMillis(2500))
                    .withAppProxies("http://app:8080/");
            Map<String, String> env = environment(container);
            assertThat(env)
                    .containsEntry("CENTRIFUGO_RPC_PROXY_ENDPOINT", "http://app:8080/centrifugo/rpc/")
                    .containsEntry("CENTRIFUGO_RPC_WITHOUT_NAMESPACE_PROXY_ENABLED", "true")
                    .containsEntry("CENTRIFUGO_CLIENT_PROXY_CONNECT_ENDPOINT", "http://app:8080/centrifugo/connect/")
                    .containsEntry("CENTRIFUGO_CLIENT_PROXY_CONNECT_ENABLED", "true")
                    .containsEntry("CENTRIFUGO_CLIENT_PROXY_REFRESH_ENABLED", "true")
                    .containsEntry(
                            "CENTRIFUGO_CHANNEL_PROXY_SUB_REFRESH_ENDPOINT", "http://app:8080/centrifugo/sub_refresh/")
                    .containsEntry("CENTRIFUGO_RPC_PROXY_TIMEOUT", "2500ms");
            for (String proxy : new String[] {
                "CLIENT_PROXY_CONNECT",
                "CLIENT_PROXY_REFRESH",
                "CHANNEL_PROXY_SUBSCRIBE",
                "CHANNEL_PROXY_PUBLISH",
                "CHANNEL_PROXY_SUB_REFRESH",
                "RPC_PROXY"
            }) {
                assertThat(JSON.readTree(env.get("CENTRIFUGO_" + proxy + "_HTTP_STATIC_HEADERS")))
                        .as(proxy)
                        .isEqualTo(JSON.readTree("{\"X-Proxy\":\"proxy-secret-of-at-least-32-bytes\"}"));
            }
        }

        @Test
        void pointsAtAnAppOnTheHostThroughTestcontainersHostName() {
            CentrifugoContainer container = new CentrifugoContainer().withAppProxies(18080);
            // configure() would expose the port (starting Testcontainers' SSH container): check the URL only.
            assertThat(container).extracting("appBaseUrl").isEqualTo("http://host.testcontainers.internal:18080");
        }

        @Test
        void listsTheNamespacesAsJson() {
            CentrifugoContainer container = new CentrifugoContainer()
                    .withNamespace("chat", Map.of("history_size", 10, "allow_subscribe_for_client", true))
                    .withNamespace("news", Map.of("presence", true));
            JsonNode namespaces = JSON.readTree(environment(container).get("CENTRIFUGO_CHANNEL_NAMESPACES"));
            assertThat(namespaces).hasSize(2);
            assertThat(namespaces.get(0).get("name").asString()).isEqualTo("chat");
            assertThat(namespaces.get(0).get("history_size").asInt()).isEqualTo(10);
            assertThat(namespaces.get(1).get("presence").asBoolean()).isTrue();
        }

        @Test
        void usesTheRedisEngine() {
            assertThat(environment(new CentrifugoContainer().withRedisEngine("redis://redis:6379")))
                    .containsEntry("CENTRIFUGO_ENGINE_TYPE", "redis")
                    .containsEntry("CENTRIFUGO_ENGINE_REDIS_ADDRESS", "redis://redis:6379");
        }
    }

    @Nested
    class Arguments {

        @Test
        void areCheckedWithMessagesThatNameThem() {
            CentrifugoContainer container = new CentrifugoContainer();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> container.withApiKey(" "))
                    .withMessage("'apiKey' must not be empty");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> container.withAppProxies(0))
                    .withMessage("'hostPort' must be between 1 and 65535, but was 0");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> container.withNamespace("a", Map.of()))
                    .withMessageContaining("Centrifugo's rule");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> container.withProxyTimeout(Duration.ZERO))
                    .withMessageContaining("'timeout' must be positive");
        }
    }
}
