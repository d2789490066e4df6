package dev.centrifugo4j.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Centrifugo is and the secrets shared with it: what the publisher, the tokens and the proxy
 * endpoints need to talk to one Centrifugo.
 *
 * <p>By default the {@code centrifugo.*} properties provide them. A service connection replaces
 * them: a {@code @ServiceConnection CentrifugoContainer} in a test ({@code centrifugo-testcontainers}),
 * or a {@code centrifugo/centrifugo} service that {@code spring-boot-docker-compose} started. A
 * secret that a service connection does not know ({@code null}) is taken from the properties.
 *
 * <pre>{@code
 * @Container
 * @ServiceConnection
 * static CentrifugoContainer centrifugo = new CentrifugoContainer();
 * }</pre>
 */
public interface CentrifugoConnectionDetails extends ConnectionDetails {

    /**
     * The WebSocket URL that clients connect to, for example {@code
     * ws://localhost:8000/connection/websocket}.
     *
     * @return the WebSocket URL
     */
    String getUrl();

    /**
     * The base URL of Centrifugo's server HTTP API, for example {@code http://localhost:8000/api}.
     *
     * @return the server API's base URL
     */
    String getApiUrl();

    /**
     * The server API's key (Centrifugo's {@code http_api.key}).
     *
     * @return the key, or {@code null} when it is not known
     */
    @Nullable
    String getApiKey();

    /**
     * The HMAC secret Centrifugo verifies connection tokens with (its {@code
     * client.token.hmac_secret_key}).
     *
     * @return the secret, or {@code null} when it is not known
     */
    default @Nullable String getTokenHmacSecret() {
        return null;
    }

    /**
     * The value Centrifugo sends in the proxy secret header ({@code centrifugo.proxy.secret-header})
     * with every proxy request.
     *
     * @return the secret, or {@code null} when it is not known
     */
    default @Nullable String getProxySecret() {
        return null;
    }
}
