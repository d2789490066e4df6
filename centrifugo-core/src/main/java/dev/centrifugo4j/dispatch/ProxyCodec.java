package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyDisconnect;
import dev.centrifugo4j.proxy.ProxyError;
import dev.centrifugo4j.proxy.ProxyReply;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads proxy requests and writes proxy replies. The envelope is read and written with
 * Jackson's streaming API (no data binding of the envelope); only the payload goes through the
 * application's {@link ObjectMapper}, so the handler's records are (de)serialized exactly as the
 * application configured Jackson.
 *
 * <p>A request body is read strictly: Centrifugo sends one JSON object in well-formed UTF-8, each
 * property once, and a proxy request carries its data either as {@code data} (JSON mode) or as
 * {@code b64data} (binary mode), never both. A body that is anything else (invalid or overlong
 * UTF-8, a property twice at any depth, bytes after the object, both {@code data} and {@code
 * b64data}) is refused as malformed rather than read one way here and another way elsewhere.
 */
public final class ProxyCodec {

    private final ObjectMapper mapper;

    /** Reads envelopes: the mapper's settings and, whatever they are, a property twice in a tree refused. */
    private final ObjectReader envelopes;

    /**
     * Creates a codec.
     *
     * @param mapper the application's mapper, used for the payloads
     */
    public ProxyCodec(ObjectMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("'mapper' must not be null");
        }
        this.mapper = mapper;
        // The envelope's own properties are counted as they are read, and the objects in it are read as
        // trees that refuse a property twice: no duplicate detector allocated for every object.
        this.envelopes = mapper.reader()
                .without(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * Reads a request body.
     *
     * @param body the HTTP body Centrifugo sent
     * @return the request
     * @throws MalformedProxyRequestException when the body is not a JSON object of the expected shape;
     *     its message says why, in words safe for the wire
     */
    public ProxyRequest readRequest(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedProxyRequestException("empty request body");
        }
        if (!Utf8.isValid(body)) {
            throw new MalformedProxyRequestException("request body is not valid UTF-8");
        }
        String client = "";
        String transport = "";
        String protocol = "";
        String encoding = "";
        String user = "";
        String method = "";
        String channel = "";
        String name = "";
        String version = "";
        List<String> channels = List.of();
        JsonNode meta = null;
        JsonNode data = null;
        String b64data = null;
        int seen = 0;
        List<String> others = null;
        try (JsonParser parser = this.envelopes.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedProxyRequestException("request body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "client" -> {
                        seen = once(seen, 1);
                        client = string(parser, value, field);
                    }
                    case "transport" -> {
                        seen = once(seen, 1 << 1);
                        transport = string(parser, value, field);
                    }
                    case "protocol" -> {
                        seen = once(seen, 1 << 2);
                        protocol = string(parser, value, field);
                    }
                    case "encoding" -> {
                        seen = once(seen, 1 << 3);
                        encoding = string(parser, value, field);
                    }
                    case "user" -> {
                        seen = once(seen, 1 << 4);
                        user = string(parser, value, field);
                    }
                    case "method" -> {
                        seen = once(seen, 1 << 5);
                        method = string(parser, value, field);
                    }
                    case "channel" -> {
                        seen = once(seen, 1 << 6);
                        channel = string(parser, value, field);
                    }
                    case "name" -> {
                        seen = once(seen, 1 << 7);
                        name = string(parser, value, field);
                    }
                    case "version" -> {
                        seen = once(seen, 1 << 8);
                        version = string(parser, value, field);
                    }
                    case "channels" -> {
                        seen = once(seen, 1 << 9);
                        channels = strings(parser, value, field);
                    }
                    case "meta" -> {
                        seen = once(seen, 1 << 10);
                        meta = tree(parser, value);
                    }
                    case "b64data" -> {
                        seen = once(seen, B64DATA);
                        b64data = nullIfEmpty(string(parser, value, field));
                    }
                    case "data" -> {
                        seen = once(seen, DATA);
                        data = tree(parser, value);
                    }
                    default -> {
                        // Not used, but read as a tree all the same: a property twice inside it is refused too.
                        others = other(others, field);
                        tree(parser, value);
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedProxyRequestException("request body is not a JSON object");
            }
            if (!atEnd(parser)) {
                throw new MalformedProxyRequestException("request body has more after its JSON object");
            }
        } catch (JacksonException ex) {
            throw new MalformedProxyRequestException(
                    DataErrors.isDuplicateProperty(ex) ? DUPLICATE : "request body is not valid JSON", ex);
        }
        if ((seen & (DATA | B64DATA)) == (DATA | B64DATA)) {
            throw new MalformedProxyRequestException("request body has both 'data' and 'b64data'");
        }
        return new ProxyRequest(
                client, transport, protocol, encoding, user, method, channel, name, version, channels, meta, data,
                b64data);
    }

    private static final int B64DATA = 1 << 11;

    private static final int DATA = 1 << 12;

    private static final String DUPLICATE = "request body has a property more than once";

    /** Marks an envelope property as read; refuses one that was read already. */
    private static int once(int seen, int property) {
        if ((seen & property) != 0) {
            throw new MalformedProxyRequestException(DUPLICATE);
        }
        return seen | property;
    }

    /** Adds the name of a property the codec does not use; refuses one that came already. */
    private static List<String> other(@Nullable List<String> others, String name) {
        List<String> names = (others != null) ? others : new ArrayList<>(2);
        if (names.contains(name)) {
            throw new MalformedProxyRequestException(DUPLICATE);
        }
        names.add(name);
        return names;
    }

    /** Whether nothing but whitespace follows the object (a token, or bytes that are none, do not). */
    private static boolean atEnd(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (JacksonException ex) {
            return false;
        }
    }

    private static String string(JsonParser parser, JsonToken token, String name) {
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedProxyRequestException("'" + name + "' must be a string");
        }
        return parser.getString();
    }

    private static List<String> strings(JsonParser parser, JsonToken token, String name) {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw new MalformedProxyRequestException("'" + name + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(string(parser, parser.currentToken(), name));
        }
        return values;
    }

    private static @Nullable String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static @Nullable JsonNode tree(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return parser.readValueAsTree();
    }

    /**
     * Writes a reply. Errors and disconnects always encode; a result whose data the mapper cannot
     * serialize throws, so the caller can answer with an error instead.
     *
     * @param reply the reply
     * @param binary whether the proxy is in binary mode (the data goes into {@code b64data})
     * @return the HTTP body for Centrifugo
     * @throws JacksonException when the result's data cannot be serialized
     */
    public byte[] writeReply(ProxyReply reply, boolean binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = this.mapper.createGenerator(out)) {
            generator.writeStartObject();
            if (reply instanceof ProxyReply.Result result) {
                writeResult(generator, result.data(), binary);
            } else if (reply instanceof ProxyReply.Fields fields) {
                generator.writePOJOProperty("result", fields.result());
            } else if (reply instanceof ProxyReply.Error error) {
                writeError(generator, error.error());
            } else if (reply instanceof ProxyReply.Disconnect disconnect) {
                writeDisconnect(generator, disconnect.disconnect());
            }
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * Puts a payload field into a result: as {@code name} (JSON) or, in binary mode, as {@code
     * b64name} (the JSON bytes in base64, which Jackson writes for a byte array). Nothing for null.
     *
     * @param fields the result's fields
     * @param name the field name, for example {@code info} or {@code data}
     * @param value the payload
     * @param binary whether the proxy is in binary mode
     */
    void putPayload(Map<String, Object> fields, String name, @Nullable Object value, boolean binary) {
        if (value == null) {
            return;
        }
        if (binary) {
            fields.put("b64" + name, this.mapper.writeValueAsBytes(value));
        } else {
            fields.put(name, value);
        }
    }

    private void writeResult(JsonGenerator generator, @Nullable Object data, boolean binary) {
        generator.writeName("result");
        generator.writeStartObject();
        if (data != null) {
            if (binary) {
                generator.writeName("b64data");
                generator.writeBinary(this.mapper.writeValueAsBytes(data));
            } else {
                generator.writePOJOProperty("data", data);
            }
        }
        generator.writeEndObject();
    }

    private static void writeError(JsonGenerator generator, ProxyError error) {
        generator.writeName("error");
        generator.writeStartObject();
        generator.writeName("code");
        generator.writeNumber(error.code());
        generator.writeStringProperty("message", error.message());
        if (error.temporary()) {
            generator.writeBooleanProperty("temporary", true);
        }
        generator.writeEndObject();
    }

    private static void writeDisconnect(JsonGenerator generator, ProxyDisconnect disconnect) {
        generator.writeName("disconnect");
        generator.writeStartObject();
        generator.writeName("code");
        generator.writeNumber(disconnect.code());
        generator.writeStringProperty("reason", disconnect.reason());
        generator.writeEndObject();
    }
}
