package dev.centrifugo4j.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

/** {@link CentrifugoConnectionDetails} from the {@code centrifugo.*} properties. */
final class PropertiesCentrifugoConnectionDetails implements CentrifugoConnectionDetails {

    private final CentrifugoProperties properties;

    PropertiesCentrifugoConnectionDetails(CentrifugoProperties properties) {
        this.properties = properties;
    }

    /**
     * The details the auto-configuration uses: a service connection's (or the application's own
     * bean) where it knows a value, the properties' where it does not.
     */
    static CentrifugoConnectionDetails resolve(
            ObjectProvider<CentrifugoConnectionDetails> details, CentrifugoProperties properties) {
        PropertiesCentrifugoConnectionDetails fromProperties = new PropertiesCentrifugoConnectionDetails(properties);
        CentrifugoConnectionDetails connected = details.getIfAvailable();
        if (connected == null || connected instanceof PropertiesCentrifugoConnectionDetails) {
            return fromProperties;
        }
        return new CentrifugoConnectionDetails() {

            @Override
            public String getUrl() {
                return connected.getUrl();
            }

            @Override
            public String getApiUrl() {
                return connected.getApiUrl();
            }

            @Override
            public @Nullable String getApiKey() {
                return firstText(connected.getApiKey(), fromProperties.getApiKey());
            }

            @Override
            public @Nullable String getTokenHmacSecret() {
                return firstText(connected.getTokenHmacSecret(), fromProperties.getTokenHmacSecret());
            }

            @Override
            public @Nullable String getProxySecret() {
                return firstText(connected.getProxySecret(), fromProperties.getProxySecret());
            }
        };
    }

    private static @Nullable String firstText(@Nullable String first, @Nullable String second) {
        return StringUtils.hasText(first) ? first : second;
    }

    @Override
    public String getUrl() {
        return this.properties.getUrl();
    }

    @Override
    public String getApiUrl() {
        return this.properties.getApiUrl();
    }

    @Override
    public @Nullable String getApiKey() {
        return this.properties.getApiKey();
    }

    @Override
    public @Nullable String getTokenHmacSecret() {
        return this.properties.getToken().getHmacSecret();
    }

    @Override
    public @Nullable String getProxySecret() {
        return this.properties.getProxy().getSecret();
    }
}
