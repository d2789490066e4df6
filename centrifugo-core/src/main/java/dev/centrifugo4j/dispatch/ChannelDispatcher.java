package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.channel.ChannelOverride;
import dev.centrifugo4j.channel.ChannelVariableConverter;
import dev.centrifugo4j.channel.ProxyRejection;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubRefreshResult;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Centrifugo's subscribe, publish and sub_refresh proxies: finds the most specific handler
 * whose pattern matches the channel, converts the pattern variables, binds and validates the data,
 * invokes the handler through its generated invoker and encodes its result.
 *
 * <p>A channel that no handler matches is refused (subscribe, publish: error 403) or expired
 * (sub_refresh): a proxy that Centrifugo calls for a namespace asks the application, and the
 * application only allows what it has a handler for.
 *
 * <pre>{@code
 * ChannelDispatcher dispatcher = ChannelDispatcher.builder(settings)
 *         .register(definition, handlerBean)
 *         .build();
 * ProxyOutcome outcome = dispatcher.dispatch(new ProxyInput(ProxyType.SUBSCRIBE, body, headers, principal));
 * }</pre>
 */
public final class ChannelDispatcher implements ProxyDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(ChannelDispatcher.class);

    private static final ProxyReply PERMISSION_DENIED = ProxyReply.error(403, "permission denied", false);

    private static final ProxyReply EXPIRED = ProxyReply.fields(Map.of("expired", true));

    private static final ProxyReply ALLOWED = ProxyReply.fields(Map.of());

    /** A channel whose pattern variables do not convert: the reply says no more than that. */
    private static final ProxyReplyException INVALID_CHANNEL =
            new ProxyReplyException(ProxyReply.error(400, "invalid channel", false), "invalid channel");

    private final Map<ChannelOperation, List<BoundMethod>> methods;

    private final Outcomes outcomes;

    private ChannelDispatcher(Map<ChannelOperation, List<BoundMethod>> methods, Outcomes outcomes) {
        this.methods = methods;
        this.outcomes = outcomes;
    }

    /**
     * Starts a dispatcher.
     *
     * @param settings what the application's dispatchers share
     * @return a builder
     */
    public static Builder builder(DispatchSettings settings) {
        return new Builder(settings);
    }

    @Override
    public Set<ProxyType> proxies() {
        return Set.of(ProxyType.SUBSCRIBE, ProxyType.PUBLISH, ProxyType.SUB_REFRESH);
    }

    /** The patterns served for an operation, most specific first. */
    public List<String> patterns(ChannelOperation operation) {
        return this.methods.getOrDefault(operation, List.of()).stream()
                .map((method) -> method.pattern.text())
                .toList();
    }

    /**
     * The definition registered for an operation and a pattern, or {@code null}.
     *
     * @param operation the operation
     * @param pattern the pattern as {@link #patterns(ChannelOperation)} lists it
     * @return the handler method as the annotation processor described it
     */
    public @Nullable ChannelMethodDefinition method(ChannelOperation operation, String pattern) {
        for (BoundMethod method : this.methods.getOrDefault(operation, List.of())) {
            if (method.pattern.text().equals(pattern)) {
                return method.definition;
            }
        }
        return null;
    }

    /** The bulkheads of the handlers that have a concurrency limit: by operation, most specific first. */
    @Override
    public List<Bulkhead> bulkheads() {
        List<Bulkhead> bulkheads = new ArrayList<>();
        this.methods
                .values()
                .forEach((list) -> list.forEach((method) -> {
                    if (method.handler.bulkhead() != null) {
                        bulkheads.add(method.handler.bulkhead());
                    }
                }));
        return List.copyOf(bulkheads);
    }

    @Override
    public ProxyOutcome dispatch(ProxyInput input) {
        ProxyType proxy = input.proxy();
        ChannelOperation operation = operation(proxy);
        ProxyRequest request;
        try {
            request = this.outcomes.read(input);
        } catch (MalformedProxyRequestException ex) {
            return this.outcomes.malformed(ex);
        }
        if (request.channel().isEmpty()) {
            return this.outcomes.answer(
                    ProxyReply.error(400, "missing channel", false),
                    proxy,
                    request,
                    ProxyOutcome.NONE,
                    ProxyOutcome.NONE);
        }
        BoundMethod method = null;
        Map<String, String> variables = null;
        for (BoundMethod candidate : this.methods.getOrDefault(operation, List.of())) {
            variables = candidate.pattern.match(request.channel());
            if (variables != null) {
                method = candidate;
                break;
            }
        }
        if (method == null || variables == null) {
            logger.debug("No {} handler matches channel '{}'", proxy.proxyName(), request.channel());
            return this.outcomes.answer(
                    (operation == ChannelOperation.SUB_REFRESH) ? EXPIRED : PERMISSION_DENIED,
                    proxy,
                    request,
                    ProxyOutcome.NONE,
                    ProxyOutcome.NONE);
        }
        BoundHandler handler = method.handler;
        ChannelContext context = new ChannelContext(
                operation,
                request.channel(),
                handler.pattern(),
                variables,
                request.client(),
                request.user(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.meta(),
                input.headers(),
                input.principal());
        // The arguments are resolved inside the admitted call: a channel that does not convert is
        // answered like any failure of the handler.
        return this.outcomes.run(handler, proxy, request, context, request);
    }

    private static ChannelOperation operation(ProxyType proxy) {
        return switch (proxy) {
            case SUBSCRIBE -> ChannelOperation.SUBSCRIBE;
            case PUBLISH -> ChannelOperation.PUBLISH;
            case SUB_REFRESH -> ChannelOperation.SUB_REFRESH;
            case RPC, CONNECT, REFRESH ->
                throw new IllegalArgumentException("The channel dispatcher does not answer the " + proxy + " proxy");
        };
    }

    private static ProxyType proxy(ChannelOperation operation) {
        return switch (operation) {
            case SUBSCRIBE -> ProxyType.SUBSCRIBE;
            case PUBLISH -> ProxyType.PUBLISH;
            case SUB_REFRESH -> ProxyType.SUB_REFRESH;
        };
    }

    private static @Nullable Object[] resolveArguments(
            ChannelMethodDefinition definition,
            @Nullable PayloadBinding payload,
            ChannelVariableConverter converter,
            ChannelContext context,
            ProxyRequest request) {
        List<ChannelParameter> parameters = definition.parameters();
        Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            ChannelParameter parameter = parameters.get(i);
            arguments[i] = switch (parameter.kind()) {
                case CONTEXT -> context;
                case VARIABLE -> convert(converter, parameter, context);
                case PAYLOAD -> (payload != null) ? payload.bind(request) : null;
            };
        }
        return arguments;
    }

    private static Object convert(
            ChannelVariableConverter converter, ChannelParameter parameter, ChannelContext context) {
        String value = context.variables().get(parameter.name());
        if (value == null) {
            logger.debug("Pattern {} has no variable '{}'", context.pattern(), parameter.name());
            throw INVALID_CHANNEL;
        }
        try {
            return converter.convert(value, parameter.type());
        } catch (RuntimeException ex) {
            // The value is the client's and the converter's message the application's: neither goes back.
            logger.debug(
                    "Channel '{}' does not fit {}: '{}' is not a valid {} ({})",
                    context.channel(),
                    context.pattern(),
                    value,
                    parameter.name(),
                    ex.toString());
            throw INVALID_CHANNEL;
        }
    }

    /**
     * The reply of what a subscribe and a publish handler answer alike, {@code null} for the rest:
     * {@code true} allows, {@code false} denies, and {@code null} allows only from a {@code void}
     * method or a {@code CompletionStage<Void>}; from any other it denies (fail closed) and is logged
     * for the developer, since a {@code null} there is a bug and not an answer.
     */
    private static @Nullable ProxyReply yesOrNo(@Nullable Object result, boolean voidResult, String signature) {
        if (result == null) {
            if (voidResult) {
                return ALLOWED;
            }
            logger.warn(
                    "{} returned null instead of a decision: denied with error 403. Return an allow or a deny.",
                    signature);
            return PERMISSION_DENIED;
        }
        if (result instanceof Boolean allowed) {
            return allowed ? ALLOWED : PERMISSION_DENIED;
        }
        return null;
    }

    private static ProxyReply subscribeReply(
            ProxyCodec codec, @Nullable Object result, boolean binary, boolean voidResult, String signature) {
        ProxyReply yesOrNo = yesOrNo(result, voidResult, signature);
        if (yesOrNo != null) {
            return yesOrNo;
        }
        SubscribeResult subscribe = (SubscribeResult) result;
        ProxyRejection rejection = subscribe.rejection();
        if (rejection != null) {
            return rejection.toReply();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        codec.putPayload(fields, "info", subscribe.info(), binary);
        codec.putPayload(fields, "data", subscribe.data(), binary);
        if (subscribe.expireAt() != null) {
            fields.put("expire_at", subscribe.expireAt().getEpochSecond());
        }
        ChannelOverride override = subscribe.override();
        if (!override.isEmpty()) {
            fields.put("override", override(override));
        }
        return ProxyReply.fields(fields);
    }

    private static ProxyReply publishReply(
            ProxyCodec codec, @Nullable Object result, boolean binary, boolean voidResult, String signature) {
        ProxyReply yesOrNo = yesOrNo(result, voidResult, signature);
        if (yesOrNo != null) {
            return yesOrNo;
        }
        PublishDecision publish = (PublishDecision) result;
        ProxyRejection rejection = publish.rejection();
        if (rejection != null) {
            return rejection.toReply();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (publish.replaced()) {
            codec.putPayload(fields, "data", publish.data(), binary);
        }
        if (publish.isSkipHistory()) {
            fields.put("skip_history", true);
        }
        if (!publish.tags().isEmpty()) {
            fields.put("tags", publish.tags());
        }
        if (publish.idempotencyKey() != null) {
            fields.put("idempotency_key", publish.idempotencyKey());
        }
        return ProxyReply.fields(fields);
    }

    private static ProxyReply subRefreshReply(ProxyCodec codec, @Nullable Object result, boolean binary) {
        if (!(result instanceof SubRefreshResult refresh) || refresh.isExpired()) {
            return EXPIRED;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expired", false);
        if (refresh.expireAt() != null) {
            fields.put("expire_at", refresh.expireAt().getEpochSecond());
        }
        codec.putPayload(fields, "info", refresh.info(), binary);
        return ProxyReply.fields(fields);
    }

    /** The wire form of overrides: {@code {"presence":{"value":true},...}}. */
    static Map<String, Object> override(ChannelOverride override) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putOverride(fields, "presence", override.presence());
        putOverride(fields, "join_leave", override.joinLeave());
        putOverride(fields, "force_push_join_leave", override.forcePushJoinLeave());
        putOverride(fields, "force_recovery", override.forceRecovery());
        putOverride(fields, "force_positioning", override.forcePositioning());
        return fields;
    }

    private static void putOverride(Map<String, Object> fields, String name, @Nullable Boolean value) {
        if (value != null) {
            fields.put(name, Map.of("value", value));
        }
    }

    /** Builds a {@link ChannelDispatcher}. */
    public static final class Builder {

        private final DispatchSettings settings;

        private final Map<ChannelOperation, List<BoundMethod>> methods = new EnumMap<>(ChannelOperation.class);

        private Builder(DispatchSettings settings) {
            if (settings == null) {
                throw new IllegalArgumentException("'settings' must not be null");
            }
            this.settings = settings;
        }

        /** Registers a handler method served by a singleton bean. */
        public Builder register(ChannelMethodDefinition definition, Object handler) {
            if (handler == null) {
                throw new IllegalArgumentException("'handler' must not be null");
            }
            return register(definition, () -> handler);
        }

        /**
         * Registers a handler method whose bean is looked up for every request.
         *
         * @throws IllegalStateException when the operation already has a handler for the same pattern,
         *     the concurrency limit is negative, or a payload is validated but the settings have no
         *     validator
         */
        public Builder register(ChannelMethodDefinition definition, Supplier<?> handler) {
            if (definition == null) {
                throw new IllegalArgumentException("'definition' must not be null");
            }
            ChannelOperation operation = definition.operation();
            ProxyType proxy = proxy(operation);
            ChannelPattern pattern = ChannelPattern.parse(definition.pattern());
            List<BoundMethod> list = this.methods.computeIfAbsent(operation, (key) -> new ArrayList<>());
            for (BoundMethod existing : list) {
                if (existing.pattern.equals(pattern)) {
                    throw new IllegalStateException("Duplicate " + proxy.proxyName() + " handler for '" + pattern
                            + "': " + existing.definition.signature() + " and " + definition.signature()
                            + ". Keep one of them.");
                }
            }
            String signature = definition.signature();
            PayloadBinding payload = null;
            for (ChannelParameter parameter : definition.parameters()) {
                if (parameter.kind() == ChannelParameter.Kind.PAYLOAD) {
                    payload = this.settings.payloadBinding(
                            parameter.type(),
                            parameter.nullable(),
                            parameter.validated(),
                            "Channel handler " + signature);
                }
            }
            PayloadBinding binding = payload;
            ChannelVariableConverter converter = this.settings.variableConverter();
            BoundHandler.Invocation invocation = (context, request) -> definition
                    .invoker()
                    .invoke(
                            handler.get(),
                            resolveArguments(
                                    definition, binding, converter, (ChannelContext) context, (ProxyRequest) request));
            ProxyCodec codec = this.settings.codec();
            BoundHandler.ResultReplies replies = switch (operation) {
                case SUBSCRIBE ->
                    (result, binary) -> subscribeReply(codec, result, binary, definition.returnsVoid(), signature);
                case PUBLISH ->
                    (result, binary) -> publishReply(codec, result, binary, definition.returnsVoid(), signature);
                case SUB_REFRESH -> (result, binary) -> subRefreshReply(codec, result, binary);
            };
            BoundHandler bound = new BoundHandler(
                    ProxyOutcome.NONE,
                    pattern.text(),
                    signature,
                    definition.async(),
                    this.settings.bulkhead(proxy, pattern.text(), definition.async()),
                    invocation,
                    replies,
                    null);
            list.add(new BoundMethod(definition, pattern, bound));
            return this;
        }

        /** Builds the dispatcher. */
        public ChannelDispatcher build() {
            Map<ChannelOperation, List<BoundMethod>> sorted = new EnumMap<>(ChannelOperation.class);
            this.methods.forEach((operation, list) -> {
                List<BoundMethod> copy = new ArrayList<>(list);
                copy.sort((a, b) -> ChannelPattern.SPECIFICITY.compare(a.pattern, b.pattern));
                sorted.put(operation, List.copyOf(copy));
            });
            return new ChannelDispatcher(sorted, this.settings.outcomes());
        }
    }

    private record BoundMethod(ChannelMethodDefinition definition, ChannelPattern pattern, BoundHandler handler) {}
}
