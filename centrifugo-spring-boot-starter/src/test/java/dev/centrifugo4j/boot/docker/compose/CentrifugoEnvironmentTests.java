package dev.centrifugo4j.boot.docker.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CentrifugoEnvironmentTests {

    private static CentrifugoEnvironment of(String... namesAndValues) {
        Map<String, @Nullable String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CentrifugoEnvironment(env, CentrifugoEnvironment.DEFAULT_SECRET_HEADER);
    }

    @Test
    void defaultsToCentrifugosPortAndApiPathWithNoSecrets() {
        CentrifugoEnvironment environment = of();
        assertThat(environment.getPort()).isEqualTo(8000);
        assertThat(environment.getApiPrefix()).isEqualTo("/api");
        assertThat(environment.getApiKey()).isNull();
        assertThat(environment.getTokenHmacSecret()).isNull();
        assertThat(environment.getProxySecret()).isNull();
    }

    @Test
    void readsThePortApiPathKeyAndTokenSecret() {
        CentrifugoEnvironment environment = of(
                "CENTRIFUGO_HTTP_SERVER_PORT", "9000",
                "CENTRIFUGO_HTTP_API_HANDLER_PREFIX", "/server-api",
                "CENTRIFUGO_HTTP_API_KEY", "api-key",
                "CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", "hmac");
        assertThat(environment.getPort()).isEqualTo(9000);
        assertThat(environment.getApiPrefix()).isEqualTo("/server-api");
        assertThat(environment.getApiKey()).isEqualTo("api-key");
        assertThat(environment.getTokenHmacSecret()).isEqualTo("hmac");
    }

    @Test
    void hasNoApiKeyWhenTheApiIsInsecure() {
        assertThat(of("CENTRIFUGO_HTTP_API_KEY", "api-key", "CENTRIFUGO_HTTP_API_INSECURE", "true")
                        .getApiKey())
                .isNull();
    }

    @Test
    void treatsEmptyValuesAsUnset() {
        CentrifugoEnvironment environment =
                of("CENTRIFUGO_HTTP_API_KEY", "", "CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", " ");
        assertThat(environment.getApiKey()).isNull();
        assertThat(environment.getTokenHmacSecret()).isNull();
    }

    @Test
    void readsTheProxySecretFromTheProxiesStaticHeadersWhateverTheHeadersCase() {
        CentrifugoEnvironment environment = of(
                "CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS",
                        "{\"x-centrifugo-proxy-secret\":\"proxy-secret-of-at-least-32-bytes\"}",
                "CENTRIFUGO_CLIENT_PROXY_CONNECT_HTTP_STATIC_HEADERS",
                        "{\"X-Other\":\"1\",\"X-Centrifugo-Proxy-Secret\":\"proxy-secret-of-at-least-32-bytes\"}",
                "CENTRIFUGO_VAR_PROXY_SECRET", "not-this-one");
        assertThat(environment.getProxySecret()).isEqualTo("proxy-secret-of-at-least-32-bytes");
    }

    @Test
    void readsTheProxySecretAConfigurationFileExpandsWhenNoStaticHeaderHasIt() {
        CentrifugoEnvironment environment = of(
                "CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS", "{\"X-Other\":\"1\"}",
                "CENTRIFUGO_VAR_PROXY_SECRET", "from-var");
        assertThat(environment.getProxySecret()).isEqualTo("from-var");
    }

    @Test
    void readsTheProxySecretInTheApplicationsHeader() {
        Map<String, @Nullable String> env = Map.of(
                "CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS",
                "{\"X-Proxy\":\"mine\",\"X-Centrifugo-Proxy-Secret\":\"no\"}");
        assertThat(new CentrifugoEnvironment(env, "X-Proxy").getProxySecret()).isEqualTo("mine");
    }

    @Test
    void refusesProxiesThatSendDifferentSecrets() {
        assertThatIllegalStateException()
                .isThrownBy(() -> of(
                        "CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS", "{\"X-Centrifugo-Proxy-Secret\":\"a\"}",
                        "CENTRIFUGO_CHANNEL_PROXY_SUBSCRIBE_HTTP_STATIC_HEADERS",
                                "{\"X-Centrifugo-Proxy-Secret\":\"b\"}"))
                .withMessageContaining("CENTRIFUGO_CHANNEL_PROXY_SUBSCRIBE_HTTP_STATIC_HEADERS")
                .withMessageContaining("CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS");
    }

    @Test
    void explainsStaticHeadersThatAreNotJson() {
        assertThatIllegalStateException()
                .isThrownBy(() -> of("CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS", "X-Centrifugo-Proxy-Secret=a"))
                .withMessageContaining("CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS")
                .withMessageContaining("not a JSON object");
    }

    @Test
    void explainsAPortThatIsNotANumber() {
        assertThatIllegalStateException()
                .isThrownBy(() -> of("CENTRIFUGO_HTTP_SERVER_PORT", "eight thousand"))
                .withMessageContaining("CENTRIFUGO_HTTP_SERVER_PORT");
    }
}
