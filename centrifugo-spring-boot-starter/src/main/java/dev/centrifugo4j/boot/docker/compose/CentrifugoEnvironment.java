package dev.centrifugo4j.boot.docker.compose;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Centrifugo container's environment says about how to reach it, in Centrifugo's own
 * variables (a configuration file mounted into the container is not read):
 *
 * <ul>
 *   <li>{@code CENTRIFUGO_HTTP_SERVER_PORT}: its HTTP port, 8000 by default;
 *   <li>{@code CENTRIFUGO_HTTP_API_KEY}: the server API's key, none with {@code
 *       CENTRIFUGO_HTTP_API_INSECURE=true}; {@code CENTRIFUGO_HTTP_API_HANDLER_PREFIX}: its path,
 *       {@code /api} by default;
 *   <li>{@code CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY}: the connection tokens' HMAC secret;
 *   <li>the proxy secret: the value of the secret header in the proxies' static headers ({@code
 *       CENTRIFUGO_RPC_PROXY_HTTP_STATIC_HEADERS='{"X-Centrifugo-Proxy-Secret":"..."}'} and the other
 *       {@code CENTRIFUGO_*_HTTP_STATIC_HEADERS}), else {@code CENTRIFUGO_VAR_PROXY_SECRET}, the
 *       variable a configuration file names as {@code "${CENTRIFUGO_VAR_PROXY_SECRET}"}.
 * </ul>
 */
final class CentrifugoEnvironment {

    static final String DEFAULT_SECRET_HEADER = "X-Centrifugo-Proxy-Secret";

    private static final int DEFAULT_PORT = 8000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    private final String apiPrefix;

    private final @Nullable String apiKey;

    private final @Nullable String tokenHmacSecret;

    private final @Nullable String proxySecret;

    CentrifugoEnvironment(Map<String, @Nullable String> env, String secretHeader) {
        this.port = port(env.get("CENTRIFUGO_HTTP_SERVER_PORT"));
        String prefix = text(env.get("CENTRIFUGO_HTTP_API_HANDLER_PREFIX"));
        this.apiPrefix = (prefix != null) ? prefix : "/api";
        this.apiKey = Boolean.parseBoolean(env.get("CENTRIFUGO_HTTP_API_INSECURE"))
                ? null
                : text(env.get("CENTRIFUGO_HTTP_API_KEY"));
        this.tokenHmacSecret = text(env.get("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY"));
        this.proxySecret = proxySecret(env, secretHeader);
    }

    private static int port(@Nullable String value) {
        if (!StringUtils.hasText(value)) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalStateException(
                    "CENTRIFUGO_HTTP_SERVER_PORT of the Centrifugo service is not a port number: '" + value + "'", ex);
        }
    }

    private static @Nullable String proxySecret(Map<String, @Nullable String> env, String secretHeader) {
        Map<String, String> secrets = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("CENTRIFUGO_") && name.endsWith("_HTTP_STATIC_HEADERS") && StringUtils.hasText(value)) {
                String secret = headerValue(name, value, secretHeader);
                if (secret != null) {
                    secrets.put(name, secret);
                }
            }
        });
        Set<String> distinct = new TreeSet<>(secrets.values());
        if (distinct.size() > 1) {
            throw new IllegalStateException("The proxies of the Centrifugo service send different values in the "
                    + secretHeader + " header (" + String.join(", ", secrets.keySet())
                    + "); the application checks one secret");
        }
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return text(env.get("CENTRIFUGO_VAR_PROXY_SECRET"));
    }

    private static @Nullable String headerValue(String variable, String json, String secretHeader) {
        JsonNode headers;
        try {
            headers = JSON.readTree(json);
        } catch (JacksonException ex) {
            throw new IllegalStateException(
                    variable + " of the Centrifugo service is not a JSON object of headers: " + json, ex);
        }
        for (String name : headers.propertyNames()) {
            if (name.equalsIgnoreCase(secretHeader)) {
                return text(headers.get(name).asString());
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable String value) {
        return StringUtils.hasText(value) ? value : null;
    }

    int getPort() {
        return this.port;
    }

    String getApiPrefix() {
        return this.apiPrefix;
    }

    @Nullable
    String getApiKey() {
        return this.apiKey;
    }

    @Nullable
    String getTokenHmacSecret() {
        return this.tokenHmacSecret;
    }

    @Nullable
    String getProxySecret() {
        return this.proxySecret;
    }
}
