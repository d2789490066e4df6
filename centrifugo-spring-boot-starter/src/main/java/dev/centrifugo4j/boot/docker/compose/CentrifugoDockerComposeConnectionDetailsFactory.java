package dev.centrifugo4j.boot.docker.compose;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link DockerComposeConnectionDetailsFactory} for a Centrifugo service: one whose image is {@code
 * centrifugo/centrifugo}, or any image labelled {@code org.springframework.boot.service-connection:
 * centrifugo} (a locally built one, say). Its API key and secrets are read from the container's
 * environment (see {@link CentrifugoEnvironment}), its address from the port Compose published for
 * Centrifugo's HTTP port.
 */
class CentrifugoDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<CentrifugoConnectionDetails> {

    /** The upstream image, and the name the service-connection label gives. */
    private static final String[] CONNECTION_NAMES = {"centrifugo/centrifugo", "centrifugo"};

    CentrifugoDockerComposeConnectionDetailsFactory() {
        super(CONNECTION_NAMES);
    }

    @Override
    protected CentrifugoConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        String secretHeader = source.getEnvironment()
                .getProperty("centrifugo.proxy.secret-header", CentrifugoEnvironment.DEFAULT_SECRET_HEADER);
        return new CentrifugoDockerComposeConnectionDetails(source.getRunningService(), secretHeader);
    }

    /** {@link CentrifugoConnectionDetails} backed by a Centrifugo {@link RunningService}. */
    static final class CentrifugoDockerComposeConnectionDetails extends DockerComposeConnectionDetails
            implements CentrifugoConnectionDetails {

        private final CentrifugoEnvironment environment;

        private final String address;

        CentrifugoDockerComposeConnectionDetails(RunningService service, String secretHeader) {
            super(service);
            this.environment = new CentrifugoEnvironment(service.env(), secretHeader);
            this.address = service.host() + ":" + service.ports().get(this.environment.getPort());
        }

        @Override
        public String getUrl() {
            return "ws://" + this.address + "/connection/websocket";
        }

        @Override
        public String getApiUrl() {
            return "http://" + this.address + this.environment.getApiPrefix();
        }

        @Override
        public @Nullable String getApiKey() {
            return this.environment.getApiKey();
        }

        @Override
        public @Nullable String getTokenHmacSecret() {
            return this.environment.getTokenHmacSecret();
        }

        @Override
        public @Nullable String getProxySecret() {
            return this.environment.getProxySecret();
        }
    }
}
