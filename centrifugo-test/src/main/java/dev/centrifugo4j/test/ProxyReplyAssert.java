package dev.centrifugo4j.test;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on what the application answered to a proxy request sent by {@link ProxyTester}.
 * Failure messages show the whole reply.
 */
public final class ProxyReplyAssert extends AbstractAssert<ProxyReplyAssert, String> {

    private final String path;

    private final int status;

    private ProxyReplyAssert(String path, int status, String body) {
        super(body, ProxyReplyAssert.class);
        this.path = path;
        this.status = status;
    }

    static ProxyReplyAssert of(String path, int status, String body) {
        return new ProxyReplyAssert(path, status, body);
    }

    /** The reply's JSON, for checks of your own. */
    public JsonNode json() {
        isHttpOk();
        return ProxyTester.parse(this.actual);
    }

    /** The endpoint refused the request with HTTP 401 (no or wrong proxy secret). */
    public ProxyReplyAssert isUnauthorized() {
        if (this.status != 401) {
            failWithMessage("Expected HTTP 401 from %s but got %s: %s", this.path, this.status, this.actual);
        }
        return this;
    }

    /** The reply is a result (the request was allowed). */
    public ProxyReplyAssert isAllowed() {
        result();
        return this;
    }

    /** The result's {@code data} equals this JSON. */
    public ProxyReplyAssert hasData(String json) {
        return hasResultField("data", json);
    }

    /** The result's {@code data} satisfies the requirements. */
    public ProxyReplyAssert hasDataSatisfying(Consumer<JsonNode> requirements) {
        requirements.accept(result().path("data"));
        return this;
    }

    /** A field of the result equals this JSON (for example {@code hasResultField("user", "\"42\"")}). */
    public ProxyReplyAssert hasResultField(String field, String json) {
        JsonNode expected = ProxyTester.parse(json);
        JsonNode value = result().get(field);
        if (!expected.equals(value)) {
            failWithMessage(
                    "Expected result.%s of %s to be %s but the reply was %s", field, this.path, json, this.actual);
        }
        return this;
    }

    /** A field of the result is present and passes the check (for example {@code JsonNode::isNumber}). */
    public ProxyReplyAssert hasResultFieldSatisfying(String field, java.util.function.Predicate<JsonNode> check) {
        JsonNode value = result().get(field);
        if (value == null || !check.test(value)) {
            failWithMessage(
                    "Expected result.%s of %s to pass the check but the reply was %s", field, this.path, this.actual);
        }
        return this;
    }

    /** The connect result accepts the connection as this user. */
    public ProxyReplyAssert hasUser(String user) {
        return hasResultField("user", "\"" + user.replace("\"", "\\\"") + "\"");
    }

    /** The reply is error {@code code}. */
    public ProxyReplyAssert isError(int code) {
        return isError(code, null);
    }

    /** The reply is error {@code code} with this message. */
    public ProxyReplyAssert isError(int code, @Nullable String message) {
        JsonNode error = json().get("error");
        if (error == null
                || error.path("code").asInt() != code
                || (message != null && !message.equals(error.path("message").asString()))) {
            failWithMessage(
                    "Expected error %s%s from %s but the reply was %s",
                    code, (message != null) ? " \"" + message + "\"" : "", this.path, this.actual);
        }
        return this;
    }

    /** The reply is disconnect {@code code}. */
    public ProxyReplyAssert isDisconnect(int code) {
        JsonNode disconnect = json().get("disconnect");
        if (disconnect == null || disconnect.path("code").asInt() != code) {
            failWithMessage("Expected disconnect %s from %s but the reply was %s", code, this.path, this.actual);
        }
        return this;
    }

    /** The refresh or sub_refresh result ends the connection or subscription. */
    public ProxyReplyAssert isExpired() {
        if (!result().path("expired").asBoolean(false)) {
            failWithMessage("Expected an expired result from %s but the reply was %s", this.path, this.actual);
        }
        return this;
    }

    /** The refresh or sub_refresh result extends the connection or subscription. */
    public ProxyReplyAssert isExtended() {
        JsonNode result = result();
        if (result.path("expired").asBoolean(true) || !result.has("expire_at")) {
            failWithMessage("Expected an extended result from %s but the reply was %s", this.path, this.actual);
        }
        return this;
    }

    private ProxyReplyAssert isHttpOk() {
        isNotNull();
        if (this.status != 200) {
            failWithMessage("Expected HTTP 200 from %s but got %s: %s", this.path, this.status, this.actual);
        }
        return this;
    }

    private JsonNode result() {
        JsonNode result = json().get("result");
        if (result == null) {
            failWithMessage("Expected a result from %s but the reply was %s", this.path, this.actual);
        }
        return result;
    }
}
