package dev.centrifugo4j.testcontainers;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} for a {@code @ServiceConnection} {@link
 * CentrifugoContainer}: the application's publisher, tokens and proxy secret check use the
 * container's address and secrets.
 */
class CentrifugoContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<CentrifugoContainer, CentrifugoConnectionDetails> {

    CentrifugoContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails");
    }

    @Override
    protected CentrifugoConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<CentrifugoContainer> source) {
        return new CentrifugoContainerConnectionDetails(source);
    }

    /** {@link CentrifugoConnectionDetails} backed by a started {@link CentrifugoContainer}. */
    private static final class CentrifugoContainerConnectionDetails
            extends ContainerConnectionDetails<CentrifugoContainer> implements CentrifugoConnectionDetails {

        private CentrifugoContainerConnectionDetails(ContainerConnectionSource<CentrifugoContainer> source) {
            super(source);
        }

        @Override
        public String getUrl() {
            return getContainer().getWebsocketUrl();
        }

        @Override
        public String getApiUrl() {
            return getContainer().getApiUrl();
        }

        @Override
        public String getApiKey() {
            return getContainer().getApiKey();
        }

        @Override
        public String getTokenHmacSecret() {
            return getContainer().getHmacSecret();
        }

        @Override
        public String getProxySecret() {
            return getContainer().getProxySecret();
        }
    }
}
