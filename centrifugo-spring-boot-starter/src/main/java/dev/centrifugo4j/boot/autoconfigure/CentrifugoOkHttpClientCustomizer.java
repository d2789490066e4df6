package dev.centrifugo4j.boot.autoconfigure;

import okhttp3.OkHttpClient;

/**
 * Changes the OkHttp client of the auto-configured {@link dev.centrifugo4j.api.CentrifugoPublisher}
 * (interceptors, TLS, proxy, event listeners for metrics), after the {@code centrifugo.publisher.*}
 * settings are applied.
 */
@FunctionalInterface
public interface CentrifugoOkHttpClientCustomizer {

    /** Changes the builder. */
    void customize(OkHttpClient.Builder builder);
}
