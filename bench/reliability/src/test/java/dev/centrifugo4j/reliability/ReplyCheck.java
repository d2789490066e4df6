package dev.centrifugo4j.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer of a proxy endpoint must be: HTTP 200 with exactly one of Centrifugo's {@code
 * result}, {@code error} or {@code disconnect} objects, or a 4xx; never a 5xx, and never anything
 * that tells the caller about the server's insides (exception names, stack frames, package names,
 * the text a handler put into an exception).
 */
final class ReplyCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> REPLY_FIELDS = Set.of("result", "error", "disconnect");

    /** Text that would mean internals leaked onto the wire. */
    private static final List<String> LEAKS = List.of(
            "Exception",
            "exception",
            "\tat ",
            "at dev.",
            "at java.",
            "java.lang",
            "java.util",
            "tools.jackson",
            "com.fasterxml",
            "dev.centrifugo4j",
            "org.springframework",
            "jakarta.",
            "Caused by",
            "\"trace\"",
            FuzzApplication.SECRET_DETAIL);

    private ReplyCheck() {}

    /** What a well-formed answer turned out to be, for the summary: {@code result}, {@code error 422}, {@code http 405}... */
    record Outcome(@Nullable String violation, String label) {

        boolean ok() {
            return this.violation == null;
        }
    }

    static Outcome check(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                return new Outcome("leaks '" + leak.strip() + "'", "leak");
            }
        }
        if (status >= 500) {
            return new Outcome("HTTP " + status, "http " + status);
        }
        if (status != 200) {
            if (status >= 400 && status < 500) {
                return new Outcome(null, "http " + status);
            }
            return new Outcome("unexpected HTTP " + status, "http " + status);
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (JacksonException ex) {
            return new Outcome("HTTP 200 with a body that is not JSON", "not json");
        }
        if (reply == null || !reply.isObject() || reply.size() != 1) {
            return new Outcome("HTTP 200 with a body that is not one reply object", "bad shape");
        }
        String kind = reply.propertyNames().iterator().next();
        if (!REPLY_FIELDS.contains(kind)) {
            return new Outcome("unknown reply field '" + kind + "'", "bad shape");
        }
        JsonNode value = reply.get(kind);
        if (!value.isObject()) {
            return new Outcome("'" + kind + "' is not an object", "bad shape");
        }
        return switch (kind) {
            case "error" -> {
                JsonNode code = value.get("code");
                JsonNode message = value.get("message");
                if (code == null || !code.isIntegralNumber() || code.asInt() < 100 || code.asInt() > 1999) {
                    yield new Outcome("error code outside 100..1999: " + code, "bad error");
                }
                if (message == null || !message.isString()) {
                    yield new Outcome("error without a message", "bad error");
                }
                yield new Outcome(null, "error " + code.asInt());
            }
            case "disconnect" -> {
                JsonNode code = value.get("code");
                JsonNode reason = value.get("reason");
                if (code == null || !code.isIntegralNumber() || code.asInt() < 3000 || code.asInt() > 4999) {
                    yield new Outcome("disconnect code outside 3000..4999: " + code, "bad disconnect");
                }
                if (reason == null
                        || !reason.isString()
                        || reason.asString().getBytes(StandardCharsets.UTF_8).length > 32) {
                    yield new Outcome("disconnect reason missing or longer than 32 bytes", "bad disconnect");
                }
                yield new Outcome(null, "disconnect " + code.asInt());
            }
            default -> new Outcome(null, value.path("expired").asBoolean(false) ? "result expired" : "result");
        };
    }
}
