package dev.centrifugo4j.reliability;

import dev.centrifugo4j.reliability.HostileCase.Expectation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The expectations of the hostile cases, each saying in its violation what it wanted and what came. */
final class HostileExpectations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostileExpectations() {}

    /** HTTP 401 with an empty body: the proxy's answer to a request without the right secret. */
    static Expectation unauthorized() {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            if (first == null || first.status() != 401 || first.body().length != 0) {
                return "expected HTTP 401 with an empty body, got " + describe(exchange);
            }
            return null;
        };
    }

    /** HTTP 200 with a Centrifugo {@code result}: the call was served. */
    static Expectation result() {
        return (exchange, calls) -> {
            JsonNode reply = reply(exchange.first());
            if (reply == null || !reply.has("result")) {
                return "expected HTTP 200 with a result, got " + describe(exchange);
            }
            return null;
        };
    }

    /** HTTP 200 with a Centrifugo {@code error} of this code. */
    static Expectation error(int code) {
        return (exchange, calls) -> {
            JsonNode reply = reply(exchange.first());
            if (reply == null || reply.path("error").path("code").asInt(-1) != code) {
                return "expected HTTP 200 with error " + code + ", got " + describe(exchange);
            }
            return null;
        };
    }

    /**
     * A bad request: HTTP 200 with the Centrifugo error 400 (what the proxy answers a malformed call
     * with), or HTTP 400.
     */
    static Expectation badRequest() {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            if (first != null && first.status() == 400) {
                return null;
            }
            JsonNode reply = reply(first);
            if (reply == null || reply.path("error").path("code").asInt(-1) != 400) {
                return "expected HTTP 200 with error 400, or HTTP 400, got " + describe(exchange);
            }
            return null;
        };
    }

    /** Denied: HTTP 200 with a Centrifugo permission error (403, or Centrifugo's own 103). */
    static Expectation denied() {
        return (exchange, calls) -> {
            JsonNode reply = reply(exchange.first());
            int code = (reply != null) ? reply.path("error").path("code").asInt(-1) : -1;
            return (code == 403 || code == 103)
                    ? null
                    : "expected HTTP 200 with a permission error (403 or 103), got " + describe(exchange);
        };
    }

    /** HTTP 200 with a Centrifugo {@code error} of a 4xx code: refused with a reply, not served. */
    static Expectation errorReply() {
        return (exchange, calls) -> {
            JsonNode reply = reply(exchange.first());
            int code = (reply != null) ? reply.path("error").path("code").asInt(-1) : -1;
            if (code < 400 || code > 499) {
                return "expected HTTP 200 with a 4xx error reply, got " + describe(exchange);
            }
            return null;
        };
    }

    /** This HTTP status for the first final response. */
    static Expectation status(int status) {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            if (first == null || first.status() != status) {
                return "expected HTTP " + status + ", got " + describe(exchange);
            }
            return null;
        };
    }

    /** Exactly these final responses, in order, and nothing after them. */
    static Expectation statuses(Integer... statuses) {
        return (exchange, calls) -> exchange.statuses().equals(Arrays.asList(statuses))
                ? null
                : "expected the responses " + Arrays.toString(statuses) + ", got " + describe(exchange);
    }

    /** The request refused by HTTP: the connection closed without an answer, or a 4xx, 501 or 505. */
    static Expectation rejected() {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            if (first == null) {
                return exchange.closed() ? null : "expected a refusal, got no answer on an open connection";
            }
            int status = first.status();
            return (status >= 400 && status < 500) || status == 501 || status == 505
                    ? null
                    : "expected a refusal (4xx, 501, 505 or a closed connection), got " + describe(exchange);
        };
    }

    /** Not served: no HTTP 200 with a {@code result} among the answers (a refusal, an error reply, a close). */
    static Expectation notServed() {
        return (exchange, calls) -> {
            for (RawHttp.Response response : exchange.finals()) {
                JsonNode reply = reply(response);
                if (reply != null && reply.has("result")) {
                    return "expected no result, got " + describe(exchange);
                }
            }
            return null;
        };
    }

    /** Served by the proxy (a Centrifugo reply) or refused (4xx): either is consistent, nothing else is. */
    static Expectation servedOrRefused() {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            if (first == null) {
                return exchange.closed() ? null : "expected an answer, got none on an open connection";
            }
            if (first.status() >= 400 && first.status() < 500) {
                return null;
            }
            return (reply(first) != null) ? null : "expected a Centrifugo reply or a 4xx, got " + describe(exchange);
        };
    }

    /** At most this many final responses, and the connection closed after them. */
    static Expectation closedAfter(int responses) {
        return (exchange, calls) -> (exchange.statuses().size() <= responses && exchange.closed())
                ? null
                : "expected at most " + responses + " response(s) and the connection closed, got " + describe(exchange);
    }

    /** No handler ran. */
    static Expectation noHandler() {
        return (exchange, calls) ->
                (calls.total() == 0) ? null : "expected no handler to run, but handlers ran: " + calls.byHandler();
    }

    /** This handler ran exactly this many times (and no other ran). */
    static Expectation ran(String handler, long times) {
        return (exchange, calls) -> (calls.of(handler) == times && calls.total() == times)
                ? null
                : "expected '" + handler + "' to run " + times + " time(s), got " + calls.byHandler();
    }

    /** No response lets this origin (or every origin) read it. */
    static Expectation noAllowOrigin(String origin) {
        return (exchange, calls) -> {
            for (RawHttp.Response response : exchange.responses()) {
                for (String allowed : response.headers("Access-Control-Allow-Origin")) {
                    if (allowed.equals(origin) || allowed.equals("*")) {
                        return "Access-Control-Allow-Origin: " + allowed + " for " + origin;
                    }
                }
            }
            return null;
        };
    }

    /** The first response lets this origin read it (the control case: CORS is on for the application). */
    static Expectation allowsOrigin(String origin) {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            return (first != null && origin.equals(first.header("Access-Control-Allow-Origin")))
                    ? null
                    : "expected Access-Control-Allow-Origin: " + origin + ", got " + describe(exchange)
                            + ((first != null) ? " " + first.headers() : "");
        };
    }

    /** No answer contains any of these words (as whole words). */
    static Expectation mentionsNone(String... words) {
        return (exchange, calls) -> {
            String text = new String(exchange.raw(), StandardCharsets.ISO_8859_1);
            for (String word : words) {
                if (Pattern.compile("\\b" + Pattern.quote(word) + "\\b")
                        .matcher(text)
                        .find()) {
                    return "the answer mentions '" + word + "': " + describe(exchange);
                }
            }
            return null;
        };
    }

    /** Every body is valid UTF-8. */
    static Expectation utf8Bodies() {
        return (exchange, calls) -> {
            for (RawHttp.Response response : exchange.finals()) {
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(response.body()));
                } catch (CharacterCodingException ex) {
                    return "a body that is not valid UTF-8: " + describe(exchange);
                }
            }
            return null;
        };
    }

    /** Anything safe. */
    static Expectation safe() {
        return (exchange, calls) -> null;
    }

    /** The Centrifugo reply of an HTTP 200 response, or {@code null} when it is none. */
    static @Nullable JsonNode reply(RawHttp.@Nullable Response response) {
        if (response == null || response.status() != 200) {
            return null;
        }
        try {
            JsonNode reply = JSON.readTree(response.body());
            return (reply != null && reply.isObject()) ? reply : null;
        } catch (JacksonException ex) {
            return null;
        }
    }

    static String describe(RawHttp.Exchange exchange) {
        List<RawHttp.Response> finals = exchange.finals();
        if (finals.isEmpty()) {
            return exchange.closed() ? "no response (connection closed)" : "no response (connection open)";
        }
        return exchange.toString();
    }
}
