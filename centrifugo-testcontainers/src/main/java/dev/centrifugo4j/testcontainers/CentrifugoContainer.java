package dev.centrifugo4j.testcontainers;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Centrifugo v6 server in a container, configured through its {@code CENTRIFUGO_*} environment
 * variables: an API key, an HMAC secret for connection tokens and a proxy secret (random unless
 * set), the health endpoint, and channels without a namespace that clients may subscribe to, with
 * presence and a short history.
 *
 * <pre>{@code
 * @Container
 * @ServiceConnection
 * static CentrifugoContainer centrifugo = new CentrifugoContainer().withAppProxies(APP_PORT);
 * }</pre>
 *
 * <p>With {@code @ServiceConnection} (Spring Boot's {@code spring-boot-testcontainers}) the
 * application's publisher, tokens and proxy secret check are wired to it. {@link
 * #withAppProxies(int)} sends Centrifugo's proxy requests back to the application on the host.
 *
 * <p>The image is {@code centrifugo/centrifugo:v6.9.1} unless the {@code centrifugo.image} system
 * property or the {@code CENTRIFUGO_IMAGE} environment variable names another one made from it,
 * for example one built locally for an engine that cannot pull images.
 */
public class CentrifugoContainer extends GenericContainer<CentrifugoContainer> {

    /** The upstream image that this container is made for. */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("centrifugo/centrifugo");

    /** The Centrifugo release this container is made for. */
    public static final String DEFAULT_TAG = "v6.9.1";

    /** The system property that names the image to run instead of the default one. */
    public static final String IMAGE_PROPERTY = "centrifugo.image";

    /** The environment variable that names the image to run instead of the default one. */
    public static final String IMAGE_VARIABLE = "CENTRIFUGO_IMAGE";

    /** Centrifugo's HTTP port: WebSocket connections, the server API and the health endpoint. */
    public static final int HTTP_PORT = 8000;

    /** The header centrifugo4j's starter reads the proxy secret from, unless configured otherwise. */
    public static final String DEFAULT_PROXY_SECRET_HEADER = "X-Centrifugo-Proxy-Secret";

    /** Centrifugo's rule for namespace names. */
    private static final Pattern NAMESPACE_NAME = Pattern.compile("^[-a-zA-Z0-9_.]{2,}$");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SecureRandom RANDOM = new SecureRandom();

    private String apiKey = randomSecret();

    private String hmacSecret = randomSecret();

    private String proxySecret = randomSecret();

    private String proxySecretHeader = DEFAULT_PROXY_SECRET_HEADER;

    private @Nullable String appBaseUrl;

    private @Nullable Integer hostAppPort;

    private Duration proxyTimeout = Duration.ofSeconds(5);

    private final Map<String, Map<String, Object>> namespaces = new LinkedHashMap<>();

    private @Nullable String redisAddress;

    /** A container of the default image (see the class comment). */
    public CentrifugoContainer() {
        this(defaultImageName());
    }

    /**
     * A container of the given image.
     *
     * @param image an image name such as {@code centrifugo/centrifugo:v6.9.1}
     */
    public CentrifugoContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /**
     * A container of the given image, which must be {@code centrifugo/centrifugo} or declared
     * compatible with it ({@link DockerImageName#asCompatibleSubstituteFor(String)}).
     *
     * @param image the image
     */
    public CentrifugoContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(HTTP_PORT);
        withCommand("centrifugo");
        waitingFor(Wait.forHttp("/health").forPort(HTTP_PORT).forStatusCode(200));
    }

    /**
     * The image {@link #CentrifugoContainer()} runs: the {@value #IMAGE_PROPERTY} system property,
     * else the {@value #IMAGE_VARIABLE} environment variable, else {@code
     * centrifugo/centrifugo:v6.9.1}.
     *
     * @return the image name, compatible with {@link #DEFAULT_IMAGE_NAME}
     */
    public static DockerImageName defaultImageName() {
        return imageName(System.getProperty(IMAGE_PROPERTY), System.getenv(IMAGE_VARIABLE));
    }

    static DockerImageName imageName(@Nullable String property, @Nullable String variable) {
        String configured = hasText(property) ? property : variable;
        if (!hasText(configured)) {
            return DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG);
        }
        return DockerImageName.parse(configured.strip()).asCompatibleSubstituteFor(DEFAULT_IMAGE_NAME);
    }

    /**
     * Sets the server API's key (Centrifugo's {@code http_api.key}); random by default.
     *
     * @param apiKey the key
     * @return this container
     */
    public CentrifugoContainer withApiKey(String apiKey) {
        this.apiKey = requireText(apiKey, "apiKey");
        return this;
    }

    /**
     * Sets the HMAC secret Centrifugo verifies connection tokens with ({@code
     * client.token.hmac_secret_key}); 48 random characters by default. Java JWT libraries want at
     * least 32 bytes.
     *
     * @param hmacSecret the secret
     * @return this container
     */
    public CentrifugoContainer withHmacSecret(String hmacSecret) {
        this.hmacSecret = requireText(hmacSecret, "hmacSecret");
        return this;
    }

    /**
     * Sets the secret Centrifugo sends with every proxy request; random by default.
     *
     * @param proxySecret the secret
     * @return this container
     */
    public CentrifugoContainer withProxySecret(String proxySecret) {
        this.proxySecret = requireText(proxySecret, "proxySecret");
        return this;
    }

    /**
     * Sets the header the proxy secret is sent in; {@value #DEFAULT_PROXY_SECRET_HEADER} by default,
     * the starter's default {@code centrifugo.proxy.secret-header}.
     *
     * @param headerName the header's name
     * @return this container
     */
    public CentrifugoContainer withProxySecretHeader(String headerName) {
        this.proxySecretHeader = requireText(headerName, "headerName");
        return this;
    }

    /**
     * Points every proxy at an application on the host (the machine that runs the tests) at the
     * given port, with the starter's default paths, as {@link #withAppProxies(String)} does. The
     * port is made reachable from the container with {@link Testcontainers#exposeHostPorts}, so the
     * application may start after the container, for example on a port chosen beforehand:
     *
     * <pre>{@code
     * static final int APP_PORT = TestSocketUtils.findAvailableTcpPort();
     *
     * @Container
     * @ServiceConnection
     * static CentrifugoContainer centrifugo = new CentrifugoContainer().withAppProxies(APP_PORT);
     *
     * @DynamicPropertySource
     * static void appPort(DynamicPropertyRegistry registry) {
     *     registry.add("server.port", () -> APP_PORT);
     * }
     * }</pre>
     *
     * @param hostPort the application's port on the host
     * @return this container
     */
    public CentrifugoContainer withAppProxies(int hostPort) {
        if (hostPort < 1 || hostPort > 65535) {
            throw new IllegalArgumentException("'hostPort' must be between 1 and 65535, but was " + hostPort);
        }
        this.hostAppPort = hostPort;
        this.appBaseUrl = "http://" + INTERNAL_HOST_HOSTNAME + ":" + hostPort;
        return this;
    }

    /**
     * Points every proxy at an application that serves them at centrifugo4j's default paths ({@code
     * /centrifugo/rpc/}, {@code /centrifugo/connect/}, {@code /centrifugo/refresh/}, {@code
     * /centrifugo/subscribe/}, {@code /centrifugo/publish/}, {@code /centrifugo/sub_refresh/}), with
     * the proxy secret; enables the RPC proxy for methods without a namespace and the connect and
     * refresh proxies. Namespaces enable the channel proxies ({@code subscribe_proxy_enabled}...).
     *
     * @param baseUrl the application's base URL as the container sees it, for example {@code
     *     http://app:8080} for a container on the same network
     * @return this container
     */
    public CentrifugoContainer withAppProxies(String baseUrl) {
        this.appBaseUrl = requireText(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.hostAppPort = null;
        return this;
    }

    /**
     * Sets how long Centrifugo waits for a proxy's answer; 5 seconds by default (Centrifugo's is 1,
     * short for an application that has just started).
     *
     * @param timeout the timeout
     * @return this container
     */
    public CentrifugoContainer withProxyTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("'timeout' must be positive, but was " + timeout);
        }
        this.proxyTimeout = timeout;
        return this;
    }

    /**
     * Adds a channel namespace with Centrifugo's options for it, for example {@code
     * withNamespace("chat", Map.of("history_size", 10, "history_ttl", "60s",
     * "allow_subscribe_for_client", true))}.
     *
     * @param name the namespace's name
     * @param options the namespace's options, as in Centrifugo's configuration
     * @return this container
     */
    public CentrifugoContainer withNamespace(String name, Map<String, ?> options) {
        if (name == null || !NAMESPACE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'name' must match " + NAMESPACE_NAME.pattern() + " (Centrifugo's rule), but was '" + name + "'");
        }
        if (options == null) {
            throw new IllegalArgumentException("'options' must not be null");
        }
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("name", name);
        namespace.putAll(options);
        this.namespaces.put(name, namespace);
        return this;
    }

    /**
     * Uses the Redis engine at the given address instead of the memory engine: the nodes that share
     * one Redis form a cluster, and history, presence and idempotent publications live in Redis.
     *
     * @param address the address as the container sees it, for example {@code redis://redis:6379}
     *     for a Redis container with the network alias {@code redis}
     * @return this container
     */
    public CentrifugoContainer withRedisEngine(String address) {
        this.redisAddress = requireText(address, "address");
        return this;
    }

    @Override
    protected void configure() {
        withEnv("CENTRIFUGO_HTTP_SERVER_PORT", String.valueOf(HTTP_PORT));
        withEnv("CENTRIFUGO_HEALTH_ENABLED", "true");
        withEnv("CENTRIFUGO_USAGE_STATS_DISABLED", "true");
        withEnv("CENTRIFUGO_HTTP_API_KEY", this.apiKey);
        withEnv("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", this.hmacSecret);
        withEnv("CENTRIFUGO_CLIENT_ALLOWED_ORIGINS", "*");
        withEnv("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_PRESENCE", "true");
        withEnv("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_HISTORY_SIZE", "10");
        withEnv("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_HISTORY_TTL", "60s");
        withEnv("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_ALLOW_SUBSCRIBE_FOR_CLIENT", "true");
        withEnv("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_ALLOW_PRESENCE_FOR_SUBSCRIBER", "true");
        withEnv("CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_ALLOW_HISTORY_FOR_SUBSCRIBER", "true");
        if (!this.namespaces.isEmpty()) {
            withEnv("CENTRIFUGO_CHANNEL_NAMESPACES", json(new ArrayList<>(this.namespaces.values())));
        }
        if (this.redisAddress != null) {
            withEnv("CENTRIFUGO_ENGINE_TYPE", "redis");
            withEnv("CENTRIFUGO_ENGINE_REDIS_ADDRESS", this.redisAddress);
        }
        if (this.appBaseUrl != null) {
            if (this.hostAppPort != null) {
                // Before the container is created, so that it gets host.testcontainers.internal.
                Testcontainers.exposeHostPorts(this.hostAppPort);
                withAccessToHost(true);
            }
            proxy("CENTRIFUGO_CLIENT_PROXY_CONNECT", "/centrifugo/connect/");
            withEnv("CENTRIFUGO_CLIENT_PROXY_CONNECT_ENABLED", "true");
            proxy("CENTRIFUGO_CLIENT_PROXY_REFRESH", "/centrifugo/refresh/");
            withEnv("CENTRIFUGO_CLIENT_PROXY_REFRESH_ENABLED", "true");
            proxy("CENTRIFUGO_CHANNEL_PROXY_SUBSCRIBE", "/centrifugo/subscribe/");
            proxy("CENTRIFUGO_CHANNEL_PROXY_PUBLISH", "/centrifugo/publish/");
            proxy("CENTRIFUGO_CHANNEL_PROXY_SUB_REFRESH", "/centrifugo/sub_refresh/");
            proxy("CENTRIFUGO_RPC_PROXY", "/centrifugo/rpc/");
            withEnv("CENTRIFUGO_RPC_WITHOUT_NAMESPACE_PROXY_ENABLED", "true");
        }
    }

    private void proxy(String prefix, String path) {
        withEnv(prefix + "_ENDPOINT", this.appBaseUrl + path);
        withEnv(prefix + "_TIMEOUT", this.proxyTimeout.toMillis() + "ms");
        withEnv(prefix + "_HTTP_STATIC_HEADERS", json(Map.of(this.proxySecretHeader, this.proxySecret)));
    }

    /** The server API's key. */
    public String getApiKey() {
        return this.apiKey;
    }

    /** The HMAC secret of connection tokens. */
    public String getHmacSecret() {
        return this.hmacSecret;
    }

    /** The secret Centrifugo sends with every proxy request. */
    public String getProxySecret() {
        return this.proxySecret;
    }

    /** The header the proxy secret is sent in. */
    public String getProxySecretHeader() {
        return this.proxySecretHeader;
    }

    /** The base URL as the host sees it, for example {@code http://localhost:32768}. */
    public String getHttpUrl() {
        return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
    }

    /** The WebSocket URL clients on the host connect to. */
    public String getWebsocketUrl() {
        return "ws://" + getHost() + ":" + getMappedPort(HTTP_PORT) + "/connection/websocket";
    }

    /** The server API's base URL as the host sees it; methods go below it ({@code /publish}). */
    public String getApiUrl() {
        return getHttpUrl() + "/api";
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String randomSecret() {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder secret = new StringBuilder(48);
        for (int i = 0; i < 48; i++) {
            secret.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String requireText(@Nullable String value, String name) {
        if (!hasText(value)) {
            throw new IllegalArgumentException("'" + name + "' must not be empty");
        }
        return value;
    }
}
