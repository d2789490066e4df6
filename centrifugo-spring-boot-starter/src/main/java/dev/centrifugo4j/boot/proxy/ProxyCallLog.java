package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.WarningThrottle;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The proxy calls' log lines.
 *
 * <p>One line per failed call on the logger {@code dev.centrifugo4j.boot.proxy.ProxyCallLog}: the
 * proxy, the RPC method or channel pattern, the user, the client, the outcome, the code and the
 * message (which carries the reference of an internal error, also in the stack-trace line), as text
 * and as SLF4J key-values for structured logging. WARN for server-side failures (5xx), INFO for the
 * rest (4xx, disconnects, expiries). No payloads.
 *
 * <p>Requests without a valid proxy secret come from outside, as many as anyone cares to send:
 * they get one WARN line a minute at most, which counts those refused since the last one.
 *
 * <p>Payloads only when asked: with {@code centrifugo.proxy.log-payloads=true} (at INFO) or with
 * the logger {@code dev.centrifugo4j.boot.proxy.payloads} at DEBUG, every request and reply body is
 * logged with the values of keys that look secret (containing {@code token}, {@code password},
 * {@code secret}, {@code authorization}, ...; {@code centrifugo.proxy.masked-keys}) replaced by
 * {@value #MASK}, at any depth.
 */
public final class ProxyCallLog {

    /** What masked values are replaced with. */
    public static final String MASK = "******";

    private static final Logger logger = LoggerFactory.getLogger(ProxyCallLog.class);

    private static final Logger payloadLogger = LoggerFactory.getLogger("dev.centrifugo4j.boot.proxy.payloads");

    private final boolean logPayloads;

    private final List<String> maskedKeys;

    private final WarningThrottle unauthorized;

    /**
     * Creates the log.
     *
     * @param logPayloads whether to log every payload at INFO
     * @param maskedKeys parts of key names whose values are masked (case-insensitive)
     */
    public ProxyCallLog(boolean logPayloads, List<String> maskedKeys) {
        this(logPayloads, maskedKeys, WarningThrottle.every(UNAUTHORIZED_WARNING_INTERVAL));
    }

    ProxyCallLog(boolean logPayloads, List<String> maskedKeys, WarningThrottle unauthorized) {
        this.logPayloads = logPayloads;
        this.maskedKeys =
                maskedKeys.stream().map(key -> key.toLowerCase(Locale.ROOT)).toList();
        this.unauthorized = unauthorized;
    }

    /** The least time between two warnings about requests without a valid proxy secret. */
    static final Duration UNAUTHORIZED_WARNING_INTERVAL = Duration.ofMinutes(1);

    /** A log with payload logging off and the default masked keys. */
    public static ProxyCallLog defaults() {
        return new ProxyCallLog(
                false, List.of("token", "password", "secret", "authorization", "cookie", "api_key", "apikey"));
    }

    /** Whether payloads are logged, so that the caller keeps the bodies. */
    boolean logsPayloads() {
        return this.logPayloads || payloadLogger.isDebugEnabled();
    }

    void payload(String proxy, String direction, byte[] body) {
        LoggingEventBuilder event = this.logPayloads ? payloadLogger.atInfo() : payloadLogger.atDebug();
        event.log("Centrifugo {} proxy {}: {}", proxy, direction, masked(body));
    }

    /**
     * Counts a request refused for lack of a valid proxy secret, and logs one WARN line for it and
     * those before it when a minute has passed since the last one.
     *
     * @param proxy the proxy the request was sent to
     * @param remoteAddress where it came from
     * @param header the header that should have carried the secret
     */
    void unauthorized(String proxy, String remoteAddress, String header) {
        long count = this.unauthorized.occurred();
        if (count > 0) {
            logger.atWarn()
                    .addKeyValue("proxy", proxy)
                    .addKeyValue("outcome", "unauthorized")
                    .addKeyValue("refused", count)
                    .log(
                            "Refused {} proxy request(s) without a valid '{}' header since the last such warning (at"
                                    + " most one a minute), the latest a {} request from {}",
                            count,
                            header,
                            proxy,
                            remoteAddress);
        }
    }

    /** Logs the line of a call that did not succeed; nothing for a success or a request refused unauthorized. */
    void ended(String proxy, ProxyOutcome.Complete call) {
        ProxyOutcome.Status status = call.status();
        if (!call.failed() || status == ProxyOutcome.Status.UNAUTHORIZED) {
            return;
        }
        boolean serverSide = status == ProxyOutcome.Status.ERROR && call.code() >= 500;
        Level level = serverSide ? Level.WARN : Level.INFO;
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        String outcomeName = status.name().toLowerCase(Locale.ROOT);
        logger.atLevel(level)
                .addKeyValue("proxy", proxy)
                .addKeyValue("method", call.method())
                .addKeyValue("pattern", call.pattern())
                .addKeyValue("user", call.user())
                .addKeyValue("client", call.client())
                .addKeyValue("outcome", outcomeName)
                .addKeyValue("code", call.code())
                .addKeyValue("message", call.message())
                .log(
                        "Centrifugo proxy call failed: proxy={} method={} pattern={} user={} client={} outcome={}"
                                + " code={} message=\"{}\"",
                        proxy,
                        call.method(),
                        call.pattern(),
                        call.user(),
                        call.client(),
                        outcomeName,
                        call.code(),
                        call.message());
    }

    /** The body as JSON text with secret-looking values masked; a placeholder when it is not JSON. */
    String masked(byte[] body) {
        JsonNode tree;
        try {
            tree = JsonMapper.shared().readTree(body);
        } catch (JacksonException ex) {
            return "<" + body.length + " bytes, not JSON>";
        }
        return mask(tree).toString();
    }

    private JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                if (isSecret(name)) {
                    object.put(name, MASK);
                } else {
                    mask(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                mask(element);
            }
        }
        return node;
    }

    private boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String key : this.maskedKeys) {
            if (lower.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
