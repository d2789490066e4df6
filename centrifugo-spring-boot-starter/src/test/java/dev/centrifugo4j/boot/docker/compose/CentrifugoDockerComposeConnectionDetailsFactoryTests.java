package dev.centrifugo4j.boot.docker.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which Compose services the factory takes and what it reads from them; {@code
 * examples/docker-compose} runs it against a real Compose.
 */
class CentrifugoDockerComposeConnectionDetailsFactoryTests {

    private final CentrifugoDockerComposeConnectionDetailsFactory factory =
            new CentrifugoDockerComposeConnectionDetailsFactory();

    private final MockEnvironment environment = new MockEnvironment();

    private DockerComposeConnectionSource source(String image, Map<String, String> labels, Map<String, String> env) {
        RunningService service = mock(RunningService.class);
        ConnectionPorts ports = mock(ConnectionPorts.class);
        given(ports.get(8000)).willReturn(49153);
        given(ports.get(9000)).willReturn(49154);
        given(service.name()).willReturn("centrifugo");
        given(service.image()).willReturn(ImageReference.of(image));
        given(service.host()).willReturn("127.0.0.1");
        given(service.ports()).willReturn(ports);
        given(service.labels()).willReturn(labels);
        given(service.env()).willReturn(Map.copyOf(env));
        DockerComposeConnectionSource source = mock(DockerComposeConnectionSource.class);
        given(source.getRunningService()).willReturn(service);
        given(source.getEnvironment()).willReturn(this.environment);
        return source;
    }

    @Test
    void takesTheUpstreamImageAndPointsAtItsPublishedPort() {
        CentrifugoConnectionDetails details = this.factory.getConnectionDetails(source(
                "centrifugo/centrifugo:v6.9.1",
                Map.of(),
                Map.of(
                        "CENTRIFUGO_HTTP_API_KEY", "api-key",
                        "CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", "hmac",
                        "CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS",
                                "{\"X-Centrifugo-Proxy-Secret\":\"proxy-secret-of-at-least-32-bytes\"}")));
        assertThat(details).isNotNull();
        assertThat(details.getUrl()).isEqualTo("ws://127.0.0.1:49153/connection/websocket");
        assertThat(details.getApiUrl()).isEqualTo("http://127.0.0.1:49153/api");
        assertThat(details.getApiKey()).isEqualTo("api-key");
        assertThat(details.getTokenHmacSecret()).isEqualTo("hmac");
        assertThat(details.getProxySecret()).isEqualTo("proxy-secret-of-at-least-32-bytes");
    }

    @Test
    void takesAnyImageWithTheServiceConnectionLabel() {
        CentrifugoConnectionDetails details = this.factory.getConnectionDetails(source(
                "centrifugo4j-local/centrifugo:v6.9.1",
                Map.of("org.springframework.boot.service-connection", "centrifugo"),
                Map.of("CENTRIFUGO_HTTP_SERVER_PORT", "9000")));
        assertThat(details).isNotNull();
        assertThat(details.getApiUrl()).isEqualTo("http://127.0.0.1:49154/api");
    }

    @Test
    void leavesOtherServicesAlone() {
        assertThat(this.factory.getConnectionDetails(source("redis:7.4-alpine", Map.of(), Map.of())))
                .isNull();
        assertThat(this.factory.getConnectionDetails(
                        source("centrifugo4j-local/centrifugo:v6.9.1", Map.of(), Map.of())))
                .isNull();
    }

    @Test
    void readsTheProxySecretInTheHeaderTheApplicationChecks() {
        this.environment.setProperty("centrifugo.proxy.secret-header", "X-Proxy");
        CentrifugoConnectionDetails details = this.factory.getConnectionDetails(source(
                "centrifugo/centrifugo:v6.9.1",
                Map.of(),
                Map.of("CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS", "{\"X-Proxy\":\"mine\"}")));
        assertThat(details).isNotNull();
        assertThat(details.getProxySecret()).isEqualTo("mine");
    }
}
