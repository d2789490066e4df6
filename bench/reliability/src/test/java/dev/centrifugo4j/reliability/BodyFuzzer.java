package dev.centrifugo4j.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates proxy request bodies for one endpoint from a seeded {@link Random}: well-formed requests
 * with values close to what the handlers accept, requests whose known fields hold values of every
 * JSON type, byte-level mutations of both, and pathological shapes (deep nesting, long strings, many
 * keys, huge numbers, oversized bodies, invalid UTF-8, garbage). The same seed always gives the same
 * bodies, so a failure can be replayed.
 */
final class BodyFuzzer {

    /** The kinds of body, reported with each failure and counted in the summary. */
    enum Kind {
        PLAUSIBLE,
        RETYPED,
        MUTATED,
        DEEP,
        HUGE,
        OVERSIZED,
        BINARY_MODE,
        GARBAGE
    }

    record Body(Kind kind, byte[] bytes) {}

    private static final List<String> RPC_METHODS = List.of(
            "fuzz.ping",
            "fuzz.order",
            "fuzz.nullable",
            "fuzz.text",
            "fuzz.numbers",
            "fuzz.map",
            "fuzz.async",
            "fuzz.asyncFail",
            "fuzz.fail",
            "fuzz.reject",
            "fuzz.disconnect",
            "fuzz.unwritable",
            "admin:fuzz.ban",
            "unknown.method",
            "",
            "fuzz.",
            ":",
            "fuzz.ping\u0000",
            "FUZZ.PING");

    private static final List<String> CHANNELS = List.of(
            "room:2",
            "room:3",
            "room:-9223372036854775808",
            "room:9223372036854775808",
            "room:abc",
            "room:",
            "room:1:2",
            "user:alice",
            "user:",
            "level:LOW:0b6f3b8e-5d5e-4a43-8d8c-6a4b4f6c9b11",
            "level:HIGH:0b6f3b8e-5d5e-4a43-8d8c-6a4b4f6c9b11",
            "level:MEDIUM:nope",
            "level:LOW:",
            "boom:x",
            "orders:eu",
            "orders:",
            "unknown:channel",
            "",
            "$private:room:2",
            "room:2#alice",
            "room:\u00e9\u4e2d\ud83d\ude00");

    private static final String[] TOKENS = {
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "-", "1e999", "\\", "\\u", "\\ud800", "0", ".", "e"
    };

    private final Random random;

    private final ProxyEndpoint endpoint;

    private final int maxBodySize;

    BodyFuzzer(Random random, ProxyEndpoint endpoint, int maxBodySize) {
        this.random = random;
        this.endpoint = endpoint;
        this.maxBodySize = maxBodySize;
    }

    Body next() {
        int roll = this.random.nextInt(100);
        if (roll < 30) {
            return new Body(Kind.PLAUSIBLE, utf8(plausible()));
        }
        if (roll < 48) {
            return new Body(Kind.RETYPED, utf8(retyped()));
        }
        if (roll < 78) {
            byte[] base = utf8(this.random.nextBoolean() ? plausible() : retyped());
            return new Body(Kind.MUTATED, mutate(base, 1 + this.random.nextInt(6)));
        }
        if (roll < 84) {
            return new Body(Kind.DEEP, utf8(deep()));
        }
        if (roll < 90) {
            return new Body(Kind.HUGE, utf8(huge()));
        }
        if (roll < 92) {
            return new Body(Kind.OVERSIZED, oversized());
        }
        if (roll < 96) {
            return new Body(Kind.BINARY_MODE, utf8(binaryMode()));
        }
        return new Body(Kind.GARBAGE, garbage());
    }

    // ---- well-formed requests -------------------------------------------------------------

    private String plausible() {
        StringBuilder json = new StringBuilder("{");
        envelope(json);
        switch (this.endpoint) {
            case RPC -> {
                String method = pick(RPC_METHODS);
                field(json, "method", string(method));
                if (this.random.nextInt(10) > 0) {
                    field(json, "data", dataFor(method));
                }
            }
            case CONNECT -> {
                field(json, "name", string(pick(List.of("js", "deny", "boom", "bye", "", "go"))));
                field(json, "version", string("1.0"));
                if (this.random.nextBoolean()) {
                    field(json, "data", anyValue(3));
                }
                if (this.random.nextBoolean()) {
                    field(json, "channels", channelArray());
                }
            }
            case REFRESH -> {
                // the envelope has the user
            }
            case SUBSCRIBE, SUB_REFRESH -> {
                field(json, "channel", string(pick(CHANNELS)));
                if (this.random.nextInt(4) == 0) {
                    field(json, "data", anyValue(2));
                }
            }
            case PUBLISH -> {
                String channel = pick(CHANNELS);
                field(json, "channel", string(channel));
                if (this.random.nextInt(10) > 0) {
                    field(json, "data", channel.startsWith("orders") ? order() : message());
                }
            }
        }
        if (this.random.nextInt(5) == 0) {
            field(json, "meta", anyValue(3));
        }
        if (this.random.nextInt(10) == 0) {
            field(json, randomKey(), anyValue(2));
        }
        return close(json);
    }

    private void envelope(StringBuilder json) {
        if (this.random.nextInt(20) > 0) {
            field(
                    json,
                    "client",
                    string("6f2c1b9e-0000-4000-8000-" + String.format("%012d", this.random.nextInt(1000))));
        }
        field(json, "transport", string(pick(List.of("websocket", "sse", "http_stream", "uni_grpc", ""))));
        field(json, "protocol", string(pick(List.of("json", "protobuf"))));
        field(json, "encoding", string(pick(List.of("json", "json", "json", "binary", ""))));
        if (this.random.nextInt(4) > 0) {
            field(json, "user", string(pick(List.of("alice", "42", "", "boom-1", "\u00e9\u00e8", "a\"b"))));
        }
    }

    private String dataFor(String method) {
        return switch (method) {
            case "fuzz.order", "fuzz.nullable" -> (this.random.nextInt(8) == 0) ? "null" : order();
            case "fuzz.text" -> string(randomString(40));
            case "fuzz.numbers" -> numberArray();
            case "fuzz.map" -> object(2);
            case "fuzz.async", "fuzz.reject", "admin:fuzz.ban" -> message();
            default -> anyValue(2);
        };
    }

    private String order() {
        StringBuilder json = new StringBuilder("{");
        maybeField(json, "id", () -> string(this.random.nextInt(6) == 0 ? randomString(80) : "order-1"));
        maybeField(json, "quantity", () -> pick(List.of("1", "1000", "0", "1001", "-1", "2.5", "\"3\"", "null")));
        maybeField(json, "level", () -> pick(List.of("\"LOW\"", "\"HIGH\"", "\"low\"", "\"MEDIUM\"", "null", "1")));
        maybeField(json, "addresses", this::addresses);
        maybeField(json, "tags", () -> this.random.nextBoolean() ? "{\"a\":1,\"b\":2}" : object(1));
        maybeField(json, "price", () -> pick(List.of("9.99", "-0.01", "0", "1e308", "\"12.5\"", "1e999999")));
        maybeField(json, "at", () -> pick(List.of("\"2026-01-01T00:00:00Z\"", "\"yesterday\"", "0", "1767225600")));
        maybeField(json, "ref", () -> pick(List.of("\"0b6f3b8e-5d5e-4a43-8d8c-6a4b4f6c9b11\"", "\"nope\"", "7")));
        maybeField(json, "urgent", () -> pick(List.of("true", "false", "\"yes\"", "0")));
        maybeField(json, "weight", () -> pick(List.of("1.5", "-0", "1e-400", "\"NaN\"", "NaN")));
        if (this.random.nextInt(8) == 0) {
            field(json, "unexpected", anyValue(1));
        }
        return close(json);
    }

    private String addresses() {
        int count = this.random.nextInt(13);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (this.random.nextInt(10) == 0) {
                json.append(anyValue(1));
            } else {
                json.append("{\"city\":")
                        .append(string(this.random.nextInt(5) == 0 ? "" : "Berlin"))
                        .append(",\"zip\":")
                        .append(string(this.random.nextBoolean() ? "10115" : randomString(6)))
                        .append('}');
            }
        }
        return json.append(']').toString();
    }

    private String message() {
        StringBuilder json = new StringBuilder("{");
        maybeField(json, "text", () -> string(this.random.nextInt(6) == 0 ? randomString(600) : "hello"));
        maybeField(json, "sequence", () -> pick(List.of("0", "1", "-1", "9223372036854775807", "9223372036854775808")));
        return close(json);
    }

    private String numberArray() {
        int count = this.random.nextInt(6);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(pick(List.of("1", "-5", "null", "\"7\"", "1.5", "9223372036854775807", "[]")));
        }
        return json.append(']').toString();
    }

    private String channelArray() {
        int count = this.random.nextInt(4);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(this.random.nextInt(5) == 0 ? anyValue(1) : string(pick(CHANNELS)));
        }
        return json.append(']').toString();
    }

    // ---- known fields with values of any type ---------------------------------------------

    private String retyped() {
        List<String> fields = List.of(
                "client",
                "transport",
                "protocol",
                "encoding",
                "user",
                "method",
                "channel",
                "name",
                "version",
                "channels",
                "meta",
                "data",
                "b64data");
        StringBuilder json = new StringBuilder("{");
        int count = 1 + this.random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String name = pick(fields);
            String value = (name.equals("method") && this.random.nextBoolean())
                    ? string(pick(RPC_METHODS))
                    : (name.equals("channel") && this.random.nextBoolean()) ? string(pick(CHANNELS)) : anyValue(3);
            field(json, name, value);
        }
        return close(json);
    }

    // ---- pathological shapes --------------------------------------------------------------

    private String deep() {
        int depth = pick(List.of(100, 499, 500, 501, 1000, 5000, 50_000));
        boolean arrays = this.random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(this.random.nextInt(5) == 0 ? depth / 2 : depth);
        String where = pick(List.of("top", "data", "meta", "channels"));
        return switch (where) {
            case "top" -> nested;
            default -> {
                StringBuilder json = new StringBuilder("{");
                field(json, "method", string("fuzz.map"));
                field(json, "channel", string("room:2"));
                field(json, where, nested);
                yield close(json);
            }
        };
    }

    private String huge() {
        int budget = Math.max(1024, this.maxBodySize - 200);
        String value = switch (this.random.nextInt(6)) {
            case 0 -> string("x".repeat(this.random.nextInt(budget)));
            case 1 -> "1" + "0".repeat(Math.min(budget, 1000 + this.random.nextInt(50_000)));
            case 2 -> "0." + "9".repeat(Math.min(budget, 1000 + this.random.nextInt(50_000)));
            case 3 -> {
                StringBuilder many = new StringBuilder("{");
                int keys = Math.min(budget / 12, 1 + this.random.nextInt(20_000));
                for (int i = 0; i < keys; i++) {
                    if (i > 0) {
                        many.append(',');
                    }
                    many.append("\"k").append(i).append("\":").append(i);
                }
                yield many.append('}').toString();
            }
            case 4 -> "[" + "1,".repeat(Math.min(budget / 2 - 2, this.random.nextInt(100_000))) + "1]";
            default -> string("\\u0000\\ud800\\udfff\u00e9".repeat(Math.min(budget / 24, this.random.nextInt(5000))));
        };
        StringBuilder json = new StringBuilder("{");
        envelope(json);
        field(json, "method", string(pick(List.of("fuzz.text", "fuzz.map", "fuzz.numbers", "fuzz.order"))));
        field(json, "channel", string(pick(List.of("room:2", "orders:eu"))));
        field(json, pick(List.of("data", "meta", "user", "method", "channel")), value);
        return close(json);
    }

    private byte[] oversized() {
        int size = this.maxBodySize + 1 + this.random.nextInt(this.maxBodySize);
        String prefix = "{\"method\":\"fuzz.text\",\"data\":\"";
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = utf8(prefix);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private String binaryMode() {
        StringBuilder json = new StringBuilder("{");
        envelope(json);
        field(json, "encoding", string("binary"));
        String method = pick(RPC_METHODS);
        field(json, "method", string(method));
        field(json, "channel", string(pick(CHANNELS)));
        String payload = switch (this.random.nextInt(4)) {
            case 0 -> string(Base64.getEncoder().encodeToString(utf8(dataFor(method))));
            case 1 -> string(Base64.getEncoder().encodeToString(utf8(message())));
            case 2 -> string(randomString(30));
            default -> string(Base64.getEncoder().encodeToString(garbage()));
        };
        field(json, "b64data", payload);
        return close(json);
    }

    private byte[] garbage() {
        return switch (this.random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> utf8(" \n\t ");
            case 2 -> utf8(pick(List.of("null", "true", "1", "\"text\"", "[]", "[{}]", "{}", "{}{}", "{} x")));
            case 3 -> {
                byte[] bytes = new byte[1 + this.random.nextInt(2000)];
                this.random.nextBytes(bytes);
                yield bytes;
            }
            case 4 -> utf8("\uFEFF{\"method\":\"fuzz.ping\"}");
            case 5 -> new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 6 -> utf8("{\"method\":\"fuzz.ping\",\"method\":\"fuzz.fail\",\"data\":{},\"data\":[]}");
            default -> utf8("<?xml version=\"1.0\"?><rpc/>");
        };
    }

    // ---- byte-level mutations -------------------------------------------------------------

    private byte[] mutate(byte[] body, int mutations) {
        byte[] current = body;
        for (int i = 0; i < mutations; i++) {
            if (current.length == 0) {
                return current;
            }
            int at = this.random.nextInt(current.length);
            current = switch (this.random.nextInt(7)) {
                case 0 -> {
                    byte[] copy = current.clone();
                    copy[at] ^= (byte) (1 << this.random.nextInt(8));
                    yield copy;
                }
                case 1 -> Arrays.copyOf(current, at);
                case 2 -> {
                    int length = Math.min(current.length - at, 1 + this.random.nextInt(16));
                    yield concat(Arrays.copyOf(current, at), Arrays.copyOfRange(current, at + length, current.length));
                }
                case 3 -> {
                    byte[] token = utf8(TOKENS[this.random.nextInt(TOKENS.length)]);
                    yield concat(
                            concat(Arrays.copyOf(current, at), token), Arrays.copyOfRange(current, at, current.length));
                }
                case 4 -> {
                    int length = Math.min(current.length - at, 1 + this.random.nextInt(32));
                    byte[] slice = Arrays.copyOfRange(current, at, at + length);
                    yield concat(
                            concat(Arrays.copyOf(current, at + length), slice),
                            Arrays.copyOfRange(current, at + length, current.length));
                }
                case 5 -> {
                    byte[] copy = current.clone();
                    copy[at] = (byte) (0x80 + this.random.nextInt(0x80));
                    yield copy;
                }
                default -> {
                    byte[] copy = current.clone();
                    copy[at] = (byte) this.random.nextInt(0x20);
                    yield copy;
                }
            };
        }
        return current;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // ---- JSON building blocks -------------------------------------------------------------

    private String anyValue(int depth) {
        int choice = this.random.nextInt(depth > 0 ? 10 : 8);
        return switch (choice) {
            case 0 -> "null";
            case 1 -> this.random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(this.random.nextLong());
            case 3 -> pick(List.of("0", "-0", "1.5e10", "-1e-10", "1e400", "123456789012345678901234567890", "0.1"));
            case 4, 5 -> string(randomString(20));
            case 6 -> string(pick(RPC_METHODS));
            case 7 -> "\"\"";
            case 8 -> array(depth - 1);
            default -> object(depth - 1);
        };
    }

    private String array(int depth) {
        int count = this.random.nextInt(5);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(anyValue(depth));
        }
        return json.append(']').toString();
    }

    private String object(int depth) {
        int count = this.random.nextInt(5);
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            field(json, randomKey(), anyValue(depth));
        }
        return close(json);
    }

    private String randomKey() {
        return pick(List.of("a", "id", "text", "data", "method", "", "__proto__", "@class", "\u00e9", randomString(8)));
    }

    private String randomString(int maxLength) {
        int length = this.random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = this.random.nextInt(10);
            char c = switch (kind) {
                case 0 -> (char) this.random.nextInt(0x20);
                case 1 -> (char) (0x80 + this.random.nextInt(0x780));
                case 2 -> (char) (0xD800 + this.random.nextInt(0x800));
                case 3 -> "\"\\/{}[]:,".charAt(this.random.nextInt(9));
                default -> (char) (0x20 + this.random.nextInt(0x5F));
            };
            text.append(c);
        }
        return text.toString();
    }

    /** A JSON string literal, escaped as JSON requires (lone surrogates stay, as a client could send). */
    static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private void maybeField(StringBuilder json, String name, java.util.function.Supplier<String> value) {
        if (this.random.nextInt(10) > 0) {
            field(json, name, value.get());
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append(string(name)).append(':').append(value);
    }

    private static String close(StringBuilder json) {
        return json.append('}').toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(this.random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
