package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.contract.ContractExposure;
import dev.centrifugo4j.boot.rpc.MissingHandlerBean;
import dev.centrifugo4j.token.SigningAlgorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

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
 *
 * The reference of every property is {@code docs/properties.md}, generated from the metadata that
 * the configuration processor writes from this class.
 */
@ConfigurationProperties("centrifugo")
public class CentrifugoProperties {

    /** WebSocket URL that clients connect to. */
    private String url = "ws://localhost:8000/connection/websocket";

    /** Base URL of Centrifugo's server HTTP API. */
    private String apiUrl = "http://localhost:8000/api";

    /**
     * Key for Centrifugo's server HTTP API (Centrifugo's http_api.key). An application that uses the
     * CentrifugoPublisher does not start without it, unless api-insecure is set.
     */
    private @Nullable String apiKey;

    /**
     * Whether Centrifugo's server API runs without a key (Centrifugo's http_api.insecure, development
     * only). Without it, an application that uses the CentrifugoPublisher must set api-key.
     */
    private boolean apiInsecure;

    private final Token token = new Token();

    private final Connect connect = new Connect();

    private final Proxy proxy = new Proxy();

    private final Publisher publisher = new Publisher();

    private final Contract contract = new Contract();

    private final Handlers handlers = new Handlers();

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

    public boolean isApiInsecure() {
        return this.apiInsecure;
    }

    public void setApiInsecure(boolean apiInsecure) {
        this.apiInsecure = apiInsecure;
    }

    public Token getToken() {
        return this.token;
    }

    public Connect getConnect() {
        return this.connect;
    }

    public Proxy getProxy() {
        return this.proxy;
    }

    public Publisher getPublisher() {
        return this.publisher;
    }

    public Contract getContract() {
        return this.contract;
    }

    public Handlers getHandlers() {
        return this.handlers;
    }

    /** Connection tokens (the CentrifugoTokens bean) and the token endpoint. */
    public static class Token {

        /**
         * HMAC secret that signs connection tokens (HS256 unless algorithm says otherwise): at least
         * 32 bytes for HS256, 48 for HS384, 64 for HS512; the same value as Centrifugo's
         * client.token.hmac_secret_key. With it, or with private-key, the application gets a
         * CentrifugoTokens bean.
         */
        private @Nullable String hmacSecret;

        /**
         * PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----") that signs tokens with RS* (an RSA
         * key of at least 2048 bits) or ES*, instead of hmac-secret; Centrifugo verifies them with the
         * public key in client.token.rsa_public_key or ecdsa_public_key.
         */
        private @Nullable String privateKey;

        /**
         * Signing algorithm: HS256, HS384 or HS512 with an hmac-secret; RS256, RS384, RS512, ES256,
         * ES384 or ES512 with a private-key. Unset: HS256 with an hmac-secret, RS256 with an RSA
         * private-key and ES256, ES384 or ES512 with an EC one (by its curve).
         */
        private @Nullable SigningAlgorithm algorithm;

        /** How long issued connection tokens are valid; must be positive (tokens always expire). */
        private Duration ttl = Duration.ofHours(1);

        /** Issuer ("iss") of issued tokens, checked when Centrifugo's client.token.issuer is set. */
        private @Nullable String issuer;

        /** Audience ("aud") of issued tokens, checked when Centrifugo's client.token.audience is set. */
        private List<String> audience = new ArrayList<>();

        private final Endpoint endpoint = new Endpoint();

        public @Nullable String getHmacSecret() {
            return this.hmacSecret;
        }

        public void setHmacSecret(@Nullable String hmacSecret) {
            this.hmacSecret = hmacSecret;
        }

        public @Nullable String getPrivateKey() {
            return this.privateKey;
        }

        public void setPrivateKey(@Nullable String privateKey) {
            this.privateKey = privateKey;
        }

        public @Nullable SigningAlgorithm getAlgorithm() {
            return this.algorithm;
        }

        public void setAlgorithm(@Nullable SigningAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        public Duration getTtl() {
            return this.ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public @Nullable String getIssuer() {
            return this.issuer;
        }

        public void setIssuer(@Nullable String issuer) {
            this.issuer = issuer;
        }

        public List<String> getAudience() {
            return this.audience;
        }

        public void setAudience(List<String> audience) {
            this.audience = audience;
        }

        public Endpoint getEndpoint() {
            return this.endpoint;
        }

        /** Endpoint that hands connection tokens to authenticated Spring Security users. */
        public static class Endpoint {

            /** Whether to serve the token endpoint (needs Spring Security and a token key). */
            private boolean enabled;

            /**
             * Path of the token endpoint (POST only, other methods get 405; answers {"token":"..."}).
             */
            private String path = "/centrifugo/token";

            public boolean isEnabled() {
                return this.enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public String getPath() {
                return this.path;
            }

            public void setPath(String path) {
                this.path = path;
            }
        }
    }

    /** Default answers of the connect and refresh proxies, with Spring Security. */
    public static class Connect {

        /**
         * With Spring Security: how long a connection identified by the connect proxy lives before
         * Centrifugo asks the refresh proxy again, which extends it only while the user's session is
         * still valid, so that a logout ends the connection within this time. Needs Centrifugo's
         * refresh proxy (client.proxy.refresh). 0 for connections that never expire.
         */
        private @Nullable Duration expireAfter = Duration.ofMinutes(15);

        /** Whether, with Spring Security, connections without an authenticated user are accepted as anonymous. */
        private boolean anonymous;

        /**
         * With Spring Security: how a connection without an authenticated user is refused, when
         * anonymous ones are not accepted: disconnect (4501, the client does not reconnect) or error
         * (401, the client retries with backoff).
         */
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

    /** The application's handler classes, checked at start-up. */
    public static class Handlers {

        /**
         * What the start-up does about a class of the application (compiled with it, in the packages of
         * its @SpringBootApplication class) whose handler methods the annotation processor indexed but
         * that has no bean, usually a forgotten @Component: fail (stop, naming the classes and their
         * methods) or warn (start without their methods and log a warning). Classes with @Component or
         * another stereotype are not checked: component scanning left them out on purpose.
         */
        private MissingHandlerBean missingBean = MissingHandlerBean.FAIL;

        public MissingHandlerBean getMissingBean() {
            return this.missingBean;
        }

        public void setMissingBean(MissingHandlerBean missingBean) {
            this.missingBean = missingBean;
        }
    }

    /** The built-in system.contract RPC method. */
    public static class Contract {

        /**
         * Whether to serve the built-in system.contract RPC method (the compile-time contract's
         * version, which generated clients compare with their own) when the application has a
         * contract (META-INF/centrifugo/contract.json).
         */
        private boolean enabled = true;

        /**
         * What system.contract answers with: version (only the contract's version, all that
         * generated clients check) or full (the version and the contract: every RPC method, channel
         * pattern and schema, without Java class names), which shows the whole API to anyone who can
         * connect.
         */
        private ContractExposure expose = ContractExposure.VERSION;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public ContractExposure getExpose() {
            return this.expose;
        }

        public void setExpose(ContractExposure expose) {
            this.expose = expose;
        }
    }

    /** Proxy endpoints that Centrifugo calls. */
    public static class Proxy {

        /**
         * Shared secret that Centrifugo sends with every proxy request, as a static header (the
         * proxy's http.static_headers). Requests without it are rejected with HTTP 401. Without it,
         * and without insecure, the application does not start.
         */
        private @Nullable String secret;

        /** Name of the header that carries the proxy secret. */
        private String secretHeader = "X-Centrifugo-Proxy-Secret";

        /**
         * Whether to accept proxy requests without a shared secret (with a warning at start-up). Only
         * for local development: anyone who can reach the endpoints can then call every handler as
         * any user.
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
         * How long a proxy handler may take; keep it below the timeout of Centrifugo's proxy (5s in
         * the configuration that centrifugo:config writes, 1s by Centrifugo's default). An
         * asynchronous handler that takes longer is answered with error 504 and its stage cancelled;
         * a synchronous one that returns later has its result discarded (error 504) and is reported
         * with a WARN naming it.
         */
        private Duration timeout = Duration.ofSeconds(4);

        /**
         * Largest proxy request body accepted; a larger one is answered with error 413 "request too
         * large" without being read further.
         */
        private DataSize maxBodySize = DataSize.ofMegabytes(1);

        /**
         * How long proxy calls in flight (asynchronous ones included) may take to finish when the
         * application shuts down; calls that arrive meanwhile get the temporary error 503.
         */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /**
         * Whether to log every proxy request and reply body (at INFO, logger
         * dev.centrifugo4j.boot.proxy.payloads; DEBUG on that logger does it too), with the values
         * of secret-looking keys masked. For debugging only.
         */
        private boolean logPayloads;

        /** Parts of JSON key names (case-insensitive) whose values are masked in logged payloads. */
        private List<String> maskedKeys =
                new ArrayList<>(List.of("token", "password", "secret", "authorization", "cookie", "api_key", "apikey"));

        private final Concurrency concurrency = new Concurrency();

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

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public DataSize getMaxBodySize() {
            return this.maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public boolean isLogPayloads() {
            return this.logPayloads;
        }

        public void setLogPayloads(boolean logPayloads) {
            this.logPayloads = logPayloads;
        }

        public List<String> getMaskedKeys() {
            return this.maskedKeys;
        }

        public void setMaskedKeys(List<String> maskedKeys) {
            this.maskedKeys = maskedKeys;
        }

        public Concurrency getConcurrency() {
            return this.concurrency;
        }

        /**
         * Bulkheads: how many calls of each proxy handler, and of all of them together, may run at
         * once. A call over a limit is answered at once, without running, with the temporary error
         * 429 that the client's SDK retries with backoff, so a handler that hangs holds at most its
         * own calls, hanging handlers together hold at most max-calls, and never all of the web
         * server's request threads.
         */
        public static class Concurrency {

            /**
             * Calls of all proxy handlers together that may run at once (an asynchronous call until
             * its stage completes); one more is answered with the temporary error 429 (refresh and
             * sub_refresh: a one-minute extension). Unset: three quarters of the web server's request
             * threads (server.tomcat.threads.max or server.jetty.threads.max, 200 by default, so 150),
             * which leaves a quarter for the application's other requests and for answering refused
             * calls; with virtual threads (spring.threads.virtual.enabled) three quarters of 200. 0 for
             * no limit.
             */
            private @Nullable Integer maxCalls;

            /**
             * Calls of one handler (an RPC method; a subscribe, publish or sub_refresh handler of a
             * channel pattern; the connect or the refresh handler) that may run at once; one more is
             * answered with the temporary error 429. Unset: a quarter of the web server's request
             * threads (server.tomcat.threads.max or server.jetty.threads.max, 200 by default, so 50),
             * for synchronous and asynchronous handlers alike; with virtual threads
             * (spring.threads.virtual.enabled) a quarter of 200. 0 for no limit.
             */
            private @Nullable Integer maxCallsPerHandler;

            /**
             * Limits of single RPC methods by method name, over max-calls-per-handler (0: no limit).
             * Write names with dots or colons in brackets: centrifugo.proxy.concurrency.rpc[report.build]=4.
             */
            private Map<String, Integer> rpc = new LinkedHashMap<>();

            /**
             * Limits of single subscribe handlers by channel pattern, over max-calls-per-handler (0:
             * no limit), in brackets: centrifugo.proxy.concurrency.subscribe[chat:room:{id}]=8.
             */
            private Map<String, Integer> subscribe = new LinkedHashMap<>();

            /** Limits of single publish handlers by channel pattern, over max-calls-per-handler (0: no limit). */
            private Map<String, Integer> publish = new LinkedHashMap<>();

            /** Limits of single sub_refresh handlers by channel pattern, over max-calls-per-handler (0: no limit). */
            private Map<String, Integer> subRefresh = new LinkedHashMap<>();

            /** Limit of the connect handler, over max-calls-per-handler (0: no limit). */
            private @Nullable Integer connect;

            /** Limit of the refresh handler, over max-calls-per-handler (0: no limit). */
            private @Nullable Integer refresh;

            public @Nullable Integer getMaxCalls() {
                return this.maxCalls;
            }

            public void setMaxCalls(@Nullable Integer maxCalls) {
                this.maxCalls = maxCalls;
            }

            public @Nullable Integer getMaxCallsPerHandler() {
                return this.maxCallsPerHandler;
            }

            public void setMaxCallsPerHandler(@Nullable Integer maxCallsPerHandler) {
                this.maxCallsPerHandler = maxCallsPerHandler;
            }

            public Map<String, Integer> getRpc() {
                return this.rpc;
            }

            public void setRpc(Map<String, Integer> rpc) {
                this.rpc = rpc;
            }

            public Map<String, Integer> getSubscribe() {
                return this.subscribe;
            }

            public void setSubscribe(Map<String, Integer> subscribe) {
                this.subscribe = subscribe;
            }

            public Map<String, Integer> getPublish() {
                return this.publish;
            }

            public void setPublish(Map<String, Integer> publish) {
                this.publish = publish;
            }

            public Map<String, Integer> getSubRefresh() {
                return this.subRefresh;
            }

            public void setSubRefresh(Map<String, Integer> subRefresh) {
                this.subRefresh = subRefresh;
            }

            public @Nullable Integer getConnect() {
                return this.connect;
            }

            public void setConnect(@Nullable Integer connect) {
                this.connect = connect;
            }

            public @Nullable Integer getRefresh() {
                return this.refresh;
            }

            public void setRefresh(@Nullable Integer refresh) {
                this.refresh = refresh;
            }
        }
    }

    /** Client of Centrifugo's server HTTP API (the CentrifugoPublisher bean). */
    public static class Publisher {

        /** How long to wait for a TCP connection to Centrifugo. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** How long one API call may take, in all. */
        private Duration requestTimeout = Duration.ofSeconds(10);

        /** Asynchronous API calls on the way at once; up to max-queued-requests more wait for their turn. */
        private int maxConcurrentRequests = 64;

        /**
         * Asynchronous API calls (publishAsync without auto-batching, and every other ...Async
         * method) that may wait besides the max-concurrent-requests on the way; one more fails at
         * once with CentrifugoBackPressureException instead of queueing without bound.
         */
        private int maxQueuedRequests = 10_000;

        /**
         * Attempts in all for calls that are safe to retry (reads, publications with an idempotency
         * key); 1 disables retries.
         */
        private int maxAttempts = 3;

        /** Pause before the first retry; it doubles per attempt, with jitter. */
        private Duration initialBackoff = Duration.ofMillis(100);

        /** Longest pause between retries. */
        private Duration maxBackoff = Duration.ofSeconds(2);

        /** Whether to give publications without an idempotency key a random one, so they can be retried safely. */
        private boolean autoIdempotencyKeys;

        /**
         * How long closing the publisher (on application shutdown) waits for auto-batched
         * publications, queued and on their way, to be sent.
         */
        private Duration closeTimeout = Duration.ofSeconds(10);

        private final AutoBatching autoBatching = new AutoBatching();

        public Duration getConnectTimeout() {
            return this.connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return this.requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public int getMaxConcurrentRequests() {
            return this.maxConcurrentRequests;
        }

        public void setMaxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
        }

        public int getMaxQueuedRequests() {
            return this.maxQueuedRequests;
        }

        public void setMaxQueuedRequests(int maxQueuedRequests) {
            this.maxQueuedRequests = maxQueuedRequests;
        }

        public int getMaxAttempts() {
            return this.maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return this.initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return this.maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public boolean isAutoIdempotencyKeys() {
            return this.autoIdempotencyKeys;
        }

        public void setAutoIdempotencyKeys(boolean autoIdempotencyKeys) {
            this.autoIdempotencyKeys = autoIdempotencyKeys;
        }

        public Duration getCloseTimeout() {
            return this.closeTimeout;
        }

        public void setCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
        }

        public AutoBatching getAutoBatching() {
            return this.autoBatching;
        }

        /** Coalescing of concurrent publish calls into batch requests. */
        public static class AutoBatching {

            /** Whether concurrent publish calls are sent together as batch requests. */
            private boolean enabled;

            /** Publications per batch request. */
            private int maxBatchSize = 200;

            /** How long a batch waits for more publications before it is sent. */
            private Duration linger = Duration.ofMillis(2);

            /** Batch requests on the way at once. */
            private int maxInFlightBatches = 4;

            /** Publications waiting at most; beyond it publishAsync fails and publish waits. */
            private int queueCapacity = 10_000;

            public boolean isEnabled() {
                return this.enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public int getMaxBatchSize() {
                return this.maxBatchSize;
            }

            public void setMaxBatchSize(int maxBatchSize) {
                this.maxBatchSize = maxBatchSize;
            }

            public Duration getLinger() {
                return this.linger;
            }

            public void setLinger(Duration linger) {
                this.linger = linger;
            }

            public int getMaxInFlightBatches() {
                return this.maxInFlightBatches;
            }

            public void setMaxInFlightBatches(int maxInFlightBatches) {
                this.maxInFlightBatches = maxInFlightBatches;
            }

            public int getQueueCapacity() {
                return this.queueCapacity;
            }

            public void setQueueCapacity(int queueCapacity) {
                this.queueCapacity = queueCapacity;
            }
        }
    }
}
