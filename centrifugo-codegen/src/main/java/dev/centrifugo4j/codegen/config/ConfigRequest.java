package dev.centrifugo4j.codegen.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code centrifugo:config} writes, whoever asks (the Maven goal, {@code CodegenMain config}, a test).
 * Every value is checked here, so a mistake is reported before anything is read or written.
 *
 * @param contract the contract file, usually {@code target/classes/META-INF/centrifugo/contract.json}
 * @param outputFile where the configuration goes
 * @param mergeInto an existing Centrifugo configuration to start from (its settings are kept, the
 *     generated ones added or replaced), or {@code null} to write the fragment alone
 * @param appUrl the application's base URL as Centrifugo reaches it, such as {@code http://app:8080}
 * @param paths the application's proxy paths
 * @param proxyTimeout how long Centrifugo waits for the application, a Go duration such as {@code 5s}
 * @param secretHeader the header that carries the proxy secret
 * @param secretVariable the environment variable Centrifugo reads the secret from; it must start with
 *     {@code CENTRIFUGO_VAR_}, the prefix Centrifugo expands in {@code static_headers}
 * @param connectProxy whether to enable the connect proxy
 * @param refreshProxy whether to enable the refresh proxy; {@link #refreshProxyOrDefault} gives the
 *     default, which follows the connect proxy
 * @param forwardedHeaders headers of the client's own HTTP request forwarded with every proxy request
 *     ({@code http_headers}), for example {@code Cookie}
 */
public record ConfigRequest(
        Path contract,
        Path outputFile,
        @Nullable Path mergeInto,
        String appUrl,
        ProxyPaths paths,
        String proxyTimeout,
        String secretHeader,
        String secretVariable,
        boolean connectProxy,
        boolean refreshProxy,
        List<String> forwardedHeaders) {

    /** The defaults of the Maven goal and of {@code CodegenMain config}. */
    public static final String DEFAULT_APP_URL = "http://localhost:8080";

    /** The starter's default {@code centrifugo.proxy.secret-header}. */
    public static final String DEFAULT_SECRET_HEADER = "X-Centrifugo-Proxy-Secret";

    /** The variable Centrifugo is started with. */
    public static final String DEFAULT_SECRET_VARIABLE = "CENTRIFUGO_VAR_PROXY_SECRET";

    /** Centrifugo's default is 1s, too short for an application that has just started. */
    public static final String DEFAULT_PROXY_TIMEOUT = "5s";

    private static final Pattern GO_DURATION = Pattern.compile("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");

    /** Centrifugo's {@code ${CENTRIFUGO_VAR_...}} expansion takes everything up to the closing brace. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile("CENTRIFUGO_VAR_[A-Z0-9_]+");

    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public ConfigRequest {
        if (contract == null || outputFile == null) {
            throw new IllegalArgumentException("'contract' and 'outputFile' must not be null");
        }
        if (paths == null) {
            throw new IllegalArgumentException("'paths' must not be null");
        }
        appUrl = checkAppUrl(appUrl);
        if (proxyTimeout == null || !GO_DURATION.matcher(proxyTimeout).matches()) {
            throw new IllegalArgumentException(
                    "'proxyTimeout' must be a Go duration such as 5s or 1500ms, got '" + proxyTimeout + "'");
        }
        if (secretHeader == null || !HEADER_NAME.matcher(secretHeader).matches()) {
            throw new IllegalArgumentException(
                    "'secretHeader' must be an HTTP header name, got '" + secretHeader + "'");
        }
        if (secretVariable == null || !SECRET_VARIABLE.matcher(secretVariable).matches()) {
            throw new IllegalArgumentException("'secretVariable' must match " + SECRET_VARIABLE.pattern()
                    + " (Centrifugo expands only ${CENTRIFUGO_VAR_...} in static_headers), got '" + secretVariable
                    + "'");
        }
        if (forwardedHeaders == null) {
            throw new IllegalArgumentException("'forwardedHeaders' must not be null");
        }
        for (String header : forwardedHeaders) {
            if (header == null || !HEADER_NAME.matcher(header).matches()) {
                throw new IllegalArgumentException(
                        "'forwardedHeaders' must hold HTTP header names, got '" + header + "'");
            }
        }
        forwardedHeaders = List.copyOf(forwardedHeaders);
    }

    /**
     * Whether to enable the refresh proxy when the user may or may not have said: by default whenever the
     * connect proxy is on, because the starter makes the connections it identifies expire ({@code
     * centrifugo.connect.expire-after}, 15 minutes by default) and extends them through the refresh proxy;
     * without it Centrifugo would leave the refresh to the client, and an SDK without a way to get a token
     * would be disconnected at the first expiry.
     *
     * @param connectProxy whether the connect proxy is enabled
     * @param refreshProxy what the user said, or {@code null}
     * @return whether to enable the refresh proxy
     */
    public static boolean refreshProxyOrDefault(boolean connectProxy, @Nullable Boolean refreshProxy) {
        return (refreshProxy != null) ? refreshProxy : connectProxy;
    }

    /** The same request reading another contract file (the merged one). */
    public ConfigRequest withContract(Path otherContract) {
        return new ConfigRequest(
                otherContract,
                this.outputFile,
                this.mergeInto,
                this.appUrl,
                this.paths,
                this.proxyTimeout,
                this.secretHeader,
                this.secretVariable,
                this.connectProxy,
                this.refreshProxy,
                this.forwardedHeaders);
    }

    private static String checkAppUrl(@Nullable String appUrl) {
        String problem = null;
        if (appUrl == null) {
            problem = "it is missing";
        } else {
            try {
                URI uri = new URI(appUrl);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    problem = "Centrifugo proxies over HTTP need http:// or https://";
                } else if (uri.getHost() == null) {
                    problem = "it has no host";
                } else if (uri.getQuery() != null || uri.getFragment() != null) {
                    problem = "it must not have a query or a fragment";
                }
            } catch (java.net.URISyntaxException ex) {
                problem = ex.getMessage();
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException(
                    "'appUrl' must be the application's base URL such as http://app:8080, got '" + appUrl + "': "
                            + problem);
        }
        // The paths start with a slash: one base URL ending in a slash must not make two.
        return appUrl.replaceAll("/+$", "");
    }

    /**
     * The application's proxy paths; the defaults are the starter's {@code centrifugo.proxy.*-path}.
     */
    public record ProxyPaths(
            String rpc, String connect, String refresh, String subscribe, String publish, String subRefresh) {

        /** The starter's defaults. */
        public static final ProxyPaths DEFAULTS = new ProxyPaths(
                "/centrifugo/rpc/",
                "/centrifugo/connect/",
                "/centrifugo/refresh/",
                "/centrifugo/subscribe/",
                "/centrifugo/publish/",
                "/centrifugo/sub_refresh/");

        public ProxyPaths {
            check(rpc, "rpcPath");
            check(connect, "connectPath");
            check(refresh, "refreshPath");
            check(subscribe, "subscribePath");
            check(publish, "publishPath");
            check(subRefresh, "subRefreshPath");
        }

        private static void check(@Nullable String path, String name) {
            if (path == null
                    || !path.startsWith("/")
                    || path.contains("?")
                    || path.contains("#")
                    || path.codePoints().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "'" + name + "' must be a path that starts with / (as the starter's centrifugo.proxy."
                                + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT)
                                + "), got '" + path + "'");
            }
        }
    }
}
