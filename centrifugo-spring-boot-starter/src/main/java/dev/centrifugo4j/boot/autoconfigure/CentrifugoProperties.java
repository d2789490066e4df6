package dev.centrifugo4j.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Centrifugo.
 *
 * <pre>
 * centrifugo.url=ws://localhost:8000/connection/websocket
 * centrifugo.api-url=http://localhost:8000/api
 * centrifugo.api-key=...
 * centrifugo.token.hmac-secret=...
 * centrifugo.proxy.secret=...
 * </pre>
 */
@ConfigurationProperties("centrifugo")
public class CentrifugoProperties {

    /** WebSocket URL that clients connect to. */
    private String url = "ws://localhost:8000/connection/websocket";

    /** Base URL of Centrifugo's server HTTP API. */
    private String apiUrl = "http://localhost:8000/api";

    /** Key for Centrifugo's server HTTP API (Centrifugo's http_api.key). */
    private @Nullable String apiKey;

    private final Token token = new Token();

    private final Proxy proxy = new Proxy();

    private final Connect connect = new Connect();

    public String getUrl() {
        return this.url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getApiUrl() {
        return this.apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public @Nullable String getApiKey() {
        return this.apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public Token getToken() {
        return this.token;
    }

    public Proxy getProxy() {
        return this.proxy;
    }

    public Connect getConnect() {
        return this.connect;
    }

    /** Connection tokens. */
    public static class Token {

        /**
         * HMAC secret that signs connection tokens (HS256); the same value as Centrifugo's
         * client.token.hmac_secret_key.
         */
        private @Nullable String hmacSecret;

        /** How long issued connection tokens are valid. */
        private Duration ttl = Duration.ofHours(1);

        public @Nullable String getHmacSecret() {
            return this.hmacSecret;
        }

        public void setHmacSecret(@Nullable String hmacSecret) {
            this.hmacSecret = hmacSecret;
        }

        public Duration getTtl() {
            return this.ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }
    }

    /** The proxy endpoints Centrifugo calls. */
    public static class Proxy {

        /**
         * Shared secret that Centrifugo sends with every proxy request, as a static header (the
         * proxy's http.static_headers). Requests without it are rejected with HTTP 401.
         */
        private @Nullable String secret;

        /** Name of the header that carries the proxy secret. */
        private String secretHeader = "X-Centrifugo-Proxy-Secret";

        /**
         * Whether to accept proxy requests without a shared secret. Only for local development:
         * anyone who can reach the endpoints can then call every handler as any user.
         */
        private boolean insecure;

        /** Whether to serve the RPC proxy endpoint. */
        private boolean rpcEnabled = true;

        /** Path of the RPC proxy endpoint; also served with or without the trailing slash. */
        private String rpcPath = "/centrifugo/rpc/";

        /** Path of the connect proxy endpoint; also served with or without the trailing slash. */
        private String connectPath = "/centrifugo/connect/";

        /** Path of the refresh proxy endpoint; also served with or without the trailing slash. */
        private String refreshPath = "/centrifugo/refresh/";

        /** Path of the subscribe proxy endpoint; also served with or without the trailing slash. */
        private String subscribePath = "/centrifugo/subscribe/";

        /** Path of the publish proxy endpoint; also served with or without the trailing slash. */
        private String publishPath = "/centrifugo/publish/";

        /** Path of the sub_refresh proxy endpoint; also served with or without the trailing slash. */
        private String subRefreshPath = "/centrifugo/sub_refresh/";

        /**
         * Whether to add a Spring Security filter chain for the proxy paths: no CSRF, no login
         * redirect, the user's session (from the forwarded Cookie header) still loaded so that
         * handlers see the Authentication. Only with Spring Security on the class path.
         */
        private boolean securityFilterChain = true;

        /**
         * How long an asynchronous handler may take before the call is answered with error 504.
         * Keep it below the timeout of Centrifugo's proxy.
         */
        private Duration asyncTimeout = Duration.ofSeconds(10);

        public @Nullable String getSecret() {
            return this.secret;
        }

        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        public String getSecretHeader() {
            return this.secretHeader;
        }

        public void setSecretHeader(String secretHeader) {
            this.secretHeader = secretHeader;
        }

        public boolean isInsecure() {
            return this.insecure;
        }

        public void setInsecure(boolean insecure) {
            this.insecure = insecure;
        }

        public boolean isRpcEnabled() {
            return this.rpcEnabled;
        }

        public void setRpcEnabled(boolean rpcEnabled) {
            this.rpcEnabled = rpcEnabled;
        }

        public String getRpcPath() {
            return this.rpcPath;
        }

        public void setRpcPath(String rpcPath) {
            this.rpcPath = rpcPath;
        }

        public String getConnectPath() {
            return this.connectPath;
        }

        public void setConnectPath(String connectPath) {
            this.connectPath = connectPath;
        }

        public String getRefreshPath() {
            return this.refreshPath;
        }

        public void setRefreshPath(String refreshPath) {
            this.refreshPath = refreshPath;
        }

        public String getSubscribePath() {
            return this.subscribePath;
        }

        public void setSubscribePath(String subscribePath) {
            this.subscribePath = subscribePath;
        }

        public String getPublishPath() {
            return this.publishPath;
        }

        public void setPublishPath(String publishPath) {
            this.publishPath = publishPath;
        }

        public String getSubRefreshPath() {
            return this.subRefreshPath;
        }

        public void setSubRefreshPath(String subRefreshPath) {
            this.subRefreshPath = subRefreshPath;
        }

        public boolean isSecurityFilterChain() {
            return this.securityFilterChain;
        }

        public void setSecurityFilterChain(boolean securityFilterChain) {
            this.securityFilterChain = securityFilterChain;
        }

        public Duration getAsyncTimeout() {
            return this.asyncTimeout;
        }

        public void setAsyncTimeout(Duration asyncTimeout) {
            this.asyncTimeout = asyncTimeout;
        }
    }

    /** The connect and refresh proxies' default answers (with Spring Security). */
    public static class Connect {

        /**
         * How long a connection identified by the connect proxy lives before Centrifugo asks the
         * refresh proxy again (which re-checks the user's session). Unset: connections do not expire.
         */
        private @Nullable Duration expireAfter;

        /** Whether connections without an authenticated user are accepted as anonymous. */
        private boolean anonymous;

        /** How a connection without an authenticated user is refused, when anonymous ones are not accepted. */
        private Refusal unauthenticated = Refusal.DISCONNECT;

        public @Nullable Duration getExpireAfter() {
            return this.expireAfter;
        }

        public void setExpireAfter(@Nullable Duration expireAfter) {
            this.expireAfter = expireAfter;
        }

        public boolean isAnonymous() {
            return this.anonymous;
        }

        public void setAnonymous(boolean anonymous) {
            this.anonymous = anonymous;
        }

        public Refusal getUnauthenticated() {
            return this.unauthenticated;
        }

        public void setUnauthenticated(Refusal unauthenticated) {
            this.unauthenticated = unauthenticated;
        }

        /** How a connection is refused. */
        public enum Refusal {

            /** Disconnect 4501 "unauthorized": the client does not reconnect. */
            DISCONNECT,

            /** Error 401 "unauthorized": the client retries with backoff. */
            ERROR
        }
    }
}
