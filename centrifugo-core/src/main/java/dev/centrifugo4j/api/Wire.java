package dev.centrifugo4j.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Centrifugo's JSON wire format, written and read by hand so that the application's mapper
 * settings (naming strategies, inclusion rules) apply to payloads only, never to the protocol.
 */
final class Wire {

    private final JsonMapper mapper;

    Wire(JsonMapper mapper) {
        this.mapper = mapper;
    }

    JsonMapper mapper() {
        return this.mapper;
    }

    // ---------------------------------------------------------------- encoding

    ObjectNode encode(ApiCommand<?> command) {
        ObjectNode json = this.mapper.createObjectNode();
        if (command instanceof PublishRequest publish) {
            json.put("channel", publish.channel());
            writePayload(json, publish.data(), publish.b64data(), publish.skipHistory(), publish.tags());
            writePublishOptions(
                    json, publish.idempotencyKey(), publish.delta(), publish.version(), publish.versionEpoch());
        } else if (command instanceof BroadcastRequest broadcast) {
            ArrayNode channels = json.putArray("channels");
            broadcast.channels().forEach(channels::add);
            writePayload(json, broadcast.data(), broadcast.b64data(), broadcast.skipHistory(), broadcast.tags());
            writePublishOptions(
                    json, broadcast.idempotencyKey(), broadcast.delta(), broadcast.version(), broadcast.versionEpoch());
        } else if (command instanceof SubscribeRequest subscribe) {
            json.put("user", subscribe.user());
            json.put("channel", subscribe.channel());
            putText(json, "client", subscribe.client());
            putText(json, "session", subscribe.session());
            putValue(json, "info", subscribe.info());
            putText(json, "b64info", subscribe.b64info());
            putValue(json, "data", subscribe.data());
            putText(json, "b64data", subscribe.b64data());
            if (subscribe.expireAt() > 0) {
                json.put("expire_at", subscribe.expireAt());
            }
            if (subscribe.recoverSince() != null) {
                json.putObject("recover_since")
                        .put("offset", subscribe.recoverSince().offset())
                        .put("epoch", subscribe.recoverSince().epoch());
            }
            if (subscribe.override() != null) {
                json.set(
                        "override", this.mapper.valueToTree(subscribe.override().toClaims()));
            }
        } else if (command instanceof UnsubscribeRequest unsubscribe) {
            json.put("user", unsubscribe.user());
            json.put("channel", unsubscribe.channel());
            putText(json, "client", unsubscribe.client());
            putText(json, "session", unsubscribe.session());
        } else if (command instanceof DisconnectRequest disconnect) {
            json.put("user", disconnect.user());
            putText(json, "client", disconnect.client());
            putText(json, "session", disconnect.session());
            if (!disconnect.whitelist().isEmpty()) {
                ArrayNode whitelist = json.putArray("whitelist");
                disconnect.whitelist().forEach(whitelist::add);
            }
            if (disconnect.disconnect() != null) {
                json.putObject("disconnect")
                        .put("code", disconnect.disconnect().code())
                        .put("reason", disconnect.disconnect().reason());
            }
        } else if (command instanceof RefreshRequest refresh) {
            json.put("user", refresh.user());
            putText(json, "client", refresh.client());
            putText(json, "session", refresh.session());
            if (refresh.expired()) {
                json.put("expired", true);
            }
            if (refresh.expireAt() > 0) {
                json.put("expire_at", refresh.expireAt());
            }
            putValue(json, "info", refresh.info());
            putText(json, "b64info", refresh.b64info());
        } else if (command instanceof PresenceRequest presence) {
            json.put("channel", presence.channel());
        } else if (command instanceof PresenceStatsRequest stats) {
            json.put("channel", stats.channel());
        } else if (command instanceof HistoryRequest history) {
            json.put("channel", history.channel());
            if (history.limit() != 0) {
                json.put("limit", history.limit());
            }
            if (history.since() != null) {
                json.putObject("since")
                        .put("offset", history.since().offset())
                        .put("epoch", history.since().epoch());
            }
            if (history.reverse()) {
                json.put("reverse", true);
            }
        } else if (command instanceof HistoryRemoveRequest remove) {
            json.put("channel", remove.channel());
        } else if (command instanceof ChannelsRequest channels) {
            putText(json, "pattern", channels.pattern());
        } else if (!(command instanceof InfoRequest)) {
            throw new IllegalArgumentException("Unknown command " + command);
        }
        return json;
    }

    ObjectNode encodeBatch(BatchRequest batch) {
        ObjectNode json = this.mapper.createObjectNode();
        ArrayNode commands = json.putArray("commands");
        for (ApiCommand<?> command : batch.commands()) {
            commands.addObject().set(command.method(), encode(command));
        }
        if (batch.parallel()) {
            json.put("parallel", true);
        }
        return json;
    }

    byte[] write(JsonNode json) {
        return this.mapper.writeValueAsBytes(json);
    }

    private void writePayload(
            ObjectNode json,
            @Nullable Object data,
            @Nullable String b64data,
            boolean skipHistory,
            Map<String, String> tags) {
        if (b64data != null) {
            json.put("b64data", b64data);
        } else {
            json.set("data", toTree(data));
        }
        if (skipHistory) {
            json.put("skip_history", true);
        }
        if (!tags.isEmpty()) {
            ObjectNode tagsNode = json.putObject("tags");
            tags.forEach(tagsNode::put);
        }
    }

    private static void writePublishOptions(
            ObjectNode json, @Nullable String idempotencyKey, boolean delta, long version, @Nullable String epoch) {
        putText(json, "idempotency_key", idempotencyKey);
        if (delta) {
            json.put("delta", true);
        }
        if (version > 0) {
            json.put("version", version);
        }
        putText(json, "version_epoch", epoch);
    }

    private JsonNode toTree(@Nullable Object value) {
        return (value instanceof JsonNode node) ? node : this.mapper.valueToTree(value);
    }

    private void putValue(ObjectNode json, String name, @Nullable Object value) {
        if (value != null) {
            json.set(name, toTree(value));
        }
    }

    private static void putText(ObjectNode json, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            json.put(name, value);
        }
    }

    // ---------------------------------------------------------------- decoding

    JsonNode read(String method, byte[] body) {
        try {
            JsonNode json = this.mapper.readTree(body);
            if (json == null || !json.isObject()) {
                throw new CentrifugoDecodeException(
                        "Centrifugo's answer to '" + method + "' is not a JSON object: " + preview(body), null);
            }
            return json;
        } catch (tools.jackson.core.JacksonException ex) {
            throw new CentrifugoDecodeException(
                    "Centrifugo's answer to '" + method + "' is not JSON: " + preview(body), ex);
        }
    }

    /** The {@code result} of a single-command answer, or its error thrown. */
    JsonNode result(String method, JsonNode answer) {
        ApiError error = error(answer);
        if (error != null) {
            throw error.toException();
        }
        JsonNode result = answer.get("result");
        return (result == null || result.isNull()) ? this.mapper.createObjectNode() : result;
    }

    @SuppressWarnings("unchecked")
    <R> R decode(ApiCommand<R> command, JsonNode result) {
        try {
            return (R) decodeUnchecked(command, result);
        } catch (CentrifugoException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw new CentrifugoDecodeException(
                    "Centrifugo's answer to '" + command.method() + "' has an unexpected shape: " + result, ex);
        }
    }

    private @Nullable Object decodeUnchecked(ApiCommand<?> command, JsonNode result) {
        if (command instanceof PublishRequest) {
            return publishResult(result);
        }
        if (command instanceof BroadcastRequest) {
            List<Reply<PublishResult>> replies = new ArrayList<>();
            for (JsonNode response : result.path("responses")) {
                ApiError error = error(response);
                replies.add(
                        error != null ? Reply.failure(error) : Reply.success(publishResult(response.path("result"))));
            }
            return new BroadcastResult(replies);
        }
        if (command instanceof PresenceRequest) {
            Map<String, ClientInfo<JsonNode>> clients = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : result.path("presence").properties()) {
                clients.put(entry.getKey(), clientInfo(entry.getValue()));
            }
            return new PresenceResult<>(clients);
        }
        if (command instanceof PresenceStatsRequest) {
            return new PresenceStats(
                    result.path("num_clients").asInt(0),
                    result.path("num_users").asInt(0));
        }
        if (command instanceof HistoryRequest) {
            List<Publication<JsonNode>> publications = new ArrayList<>();
            for (JsonNode publication : result.path("publications")) {
                Map<String, String> tags = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> tag : publication.path("tags").properties()) {
                    tags.put(tag.getKey(), tag.getValue().asString());
                }
                JsonNode info = publication.get("info");
                publications.add(new Publication<>(
                        nullIfMissing(publication.get("data")),
                        textOrNull(publication.get("b64data")),
                        publication.path("offset").asLong(0),
                        tags,
                        (info == null || info.isNull()) ? null : clientInfo(info)));
            }
            return new HistoryResult<>(
                    publications,
                    result.path("offset").asLong(0),
                    result.path("epoch").asString(""));
        }
        if (command instanceof ChannelsRequest) {
            Map<String, ChannelInfo> channels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : result.path("channels").properties()) {
                channels.put(
                        entry.getKey(),
                        new ChannelInfo(entry.getValue().path("num_clients").asInt(0)));
            }
            return Map.copyOf(channels);
        }
        if (command instanceof InfoRequest) {
            List<NodeInfo> nodes = new ArrayList<>();
            for (JsonNode node : result.path("nodes")) {
                nodes.add(new NodeInfo(
                        node.path("uid").asString(""),
                        node.path("name").asString(""),
                        node.path("version").asString(""),
                        node.path("num_clients").asLong(0),
                        node.path("num_users").asLong(0),
                        node.path("num_channels").asLong(0),
                        node.path("num_subs").asLong(0),
                        node.path("uptime").asLong(0)));
            }
            return List.copyOf(nodes);
        }
        // subscribe, unsubscribe, disconnect, refresh, history_remove return nothing.
        return null;
    }

    BatchResult decodeBatch(BatchRequest batch, JsonNode result) {
        JsonNode replies = result.path("replies");
        if (!replies.isArray() || replies.size() != batch.commands().size()) {
            throw new CentrifugoDecodeException(
                    "Centrifugo answered a batch of " + batch.commands().size() + " commands with "
                            + (replies.isArray() ? replies.size() + " replies" : "no replies"),
                    null);
        }
        List<Reply<?>> decoded = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            ApiCommand<?> command = batch.commands().get(i);
            JsonNode reply = replies.get(i);
            ApiError error = error(reply);
            if (error != null) {
                decoded.add(Reply.failure(error));
            } else {
                JsonNode itemResult = reply.get(command.method());
                decoded.add(Reply.success(
                        decode(command, itemResult == null ? this.mapper.createObjectNode() : itemResult)));
            }
        }
        return new BatchResult(decoded);
    }

    <T> T convert(JsonNode node, Class<T> type, String method) {
        if (type == JsonNode.class) {
            return type.cast(node);
        }
        try {
            return this.mapper.treeToValue(node, type);
        } catch (tools.jackson.core.JacksonException ex) {
            throw new CentrifugoDecodeException(
                    "Could not read data from '" + method + "' as " + type.getName() + ": " + ex.getOriginalMessage(),
                    ex);
        }
    }

    static @Nullable ApiError error(JsonNode answer) {
        JsonNode error = answer.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        return new ApiError(error.path("code").asInt(0), error.path("message").asString(""));
    }

    private static PublishResult publishResult(JsonNode result) {
        return new PublishResult(
                result.path("offset").asLong(0), result.path("epoch").asString(""));
    }

    private static ClientInfo<JsonNode> clientInfo(JsonNode json) {
        return new ClientInfo<>(
                json.path("client").asString(""),
                json.path("user").asString(""),
                nullIfMissing(json.get("conn_info")),
                nullIfMissing(json.get("chan_info")));
    }

    private static @Nullable JsonNode nullIfMissing(@Nullable JsonNode node) {
        return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
    }

    private static @Nullable String textOrNull(@Nullable JsonNode node) {
        return (node == null || node.isNull()) ? null : node.asString();
    }

    static String preview(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
