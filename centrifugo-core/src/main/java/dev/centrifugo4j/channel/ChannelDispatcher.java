package dev.centrifugo4j.channel;

import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.proxy.Bulkhead;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.proxy.HandlerFailures;
import dev.centrifugo4j.proxy.MalformedProxyRequestException;
import dev.centrifugo4j.proxy.PayloadBinding;
import dev.centrifugo4j.proxy.ProxyCall;
import dev.centrifugo4j.proxy.ProxyCodec;
import dev.centrifugo4j.proxy.ProxyExceptionTranslator;
import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.proxy.ProxyReplyException;
import dev.centrifugo4j.proxy.ProxyRequest;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers Centrifugo's subscribe, publish and sub_refresh proxies: finds the most specific handler
 * whose pattern matches the channel, converts the pattern variables, binds and validates the data,
 * invokes the handler through its generated invoker and encodes its result.
 *
 * <p>A channel that no handler matches is refused (subscribe, publish: error 403) or expired
 * (sub_refresh): a proxy that Centrifugo calls for a namespace asks the application, and the
 * application only allows what it has a handler for.
 */
public final class ChannelDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(ChannelDispatcher.class);

    private final Map<ChannelOperation, List<BoundMethod>> methods;

    private final ProxyCodec codec;

    private final HandlerFailures failures;

    private final ChannelVariableConverter converter;

    private ChannelDispatcher(
            Map<ChannelOperation, List<BoundMethod>> methods,
            ObjectMapper mapper,
            HandlerFailures failures,
            ChannelVariableConverter converter) {
        this.methods = methods;
        this.codec = new ProxyCodec(mapper);
        this.failures = failures;
        this.converter = converter;
    }

    /**
     * Starts a dispatcher.
     *
     * @param mapper the application's mapper, used for the data and the results
     * @return a builder
     */
    public static Builder builder(ObjectMapper mapper) {
        return new Builder(mapper);
    }

    /** The patterns served for an operation, most specific first. */
    public List<String> patterns(ChannelOperation operation) {
        return this.methods.getOrDefault(operation, List.of()).stream()
                .map((method) -> method.pattern.text())
                .toList();
    }

    /** The bulkheads of the handlers that have a concurrency limit: by operation, most specific first. */
    public List<Bulkhead> bulkheads() {
        List<Bulkhead> bulkheads = new ArrayList<>();
        this.methods
                .values()
                .forEach((list) -> list.forEach((method) -> {
                    if (method.bulkhead != null) {
                        bulkheads.add(method.bulkhead);
                    }
                }));
        return List.copyOf(bulkheads);
    }

    /**
     * Handles one proxy request body. The returned future is already complete unless the handler is
     * asynchronous; it never completes exceptionally.
     *
     * @param operation which proxy Centrifugo called
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @return the HTTP body to answer with (status 200)
     */
    public CompletableFuture<byte[]> dispatch(
            ChannelOperation operation, byte[] body, Map<String, List<String>> headers, @Nullable Principal principal) {
        return dispatch(operation, body, headers, principal, null);
    }

    /**
     * Handles one proxy request body like {@link #dispatch(ChannelOperation, byte[], Map, Principal)}
     * and records the matched pattern and the outcome in the call before the returned future
     * completes.
     *
     * @param operation which proxy Centrifugo called
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @param call where to record the pattern and the outcome, if anywhere
     * @return the HTTP body to answer with (status 200)
     */
    public CompletableFuture<byte[]> dispatch(
            ChannelOperation operation,
            byte[] body,
            Map<String, List<String>> headers,
            @Nullable Principal principal,
            @Nullable ProxyCall call) {
        ProxyRequest request;
        try {
            request = this.codec.readRequest(body);
        } catch (MalformedProxyRequestException ex) {
            logger.warn("Rejected a malformed {} proxy request: {}", name(operation), ex.getMessage());
            return CompletableFuture.completedFuture(
                    this.codec.encode(HandlerFailures.malformedRequest(), false, "", call));
        }
        if (call != null) {
            call.request(request);
        }
        String what = name(operation) + " '" + request.channel() + "'";
        boolean binary = request.isBinary();
        CompletableFuture<ProxyReply> reply = dispatch(operation, request, headers, principal, call);
        if (reply.isDone()) {
            return CompletableFuture.completedFuture(this.codec.encode(reply.join(), binary, what, call));
        }
        return reply.thenApply((done) -> this.codec.encode(done, binary, what, call));
    }

    /**
     * Handles one decoded request; see {@link #dispatch(ChannelOperation, byte[], Map, Principal)}.
     *
     * @param operation which proxy Centrifugo called
     * @param request the request
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @return the reply
     */
    public CompletableFuture<ProxyReply> dispatch(
            ChannelOperation operation,
            ProxyRequest request,
            Map<String, List<String>> headers,
            @Nullable Principal principal) {
        return dispatch(operation, request, headers, principal, null);
    }

    private CompletableFuture<ProxyReply> dispatch(
            ChannelOperation operation,
            ProxyRequest request,
            Map<String, List<String>> headers,
            @Nullable Principal principal,
            @Nullable ProxyCall call) {
        if (request.channel().isEmpty()) {
            return completed(ProxyReply.error(400, "missing channel", false));
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
            logger.debug("No {} handler matches channel '{}'", name(operation), request.channel());
            return completed(
                    (operation == ChannelOperation.SUB_REFRESH)
                            ? expired()
                            : ProxyReply.error(403, "permission denied", false));
        }
        if (call != null) {
            call.pattern(method.pattern.text());
        }
        ChannelContext context = new ChannelContext(
                operation,
                request.channel(),
                method.pattern.text(),
                variables,
                request.client(),
                request.user(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.meta(),
                headers,
                principal);
        String what = name(operation) + " '" + request.channel() + "'";
        Bulkhead bulkhead = method.bulkhead;
        if (bulkhead != null && !bulkhead.tryEnter()) {
            return completed(
                    (operation == ChannelOperation.SUB_REFRESH)
                            ? Bulkhead.retryRefreshLater()
                            : Bulkhead.tooManyCalls());
        }
        Object result;
        try {
            Object[] arguments = resolveArguments(method, context, request);
            result = method.definition.invoker().invoke(method.handler.get(), arguments);
        } catch (Throwable ex) {
            exit(bulkhead);
            return completed(this.failures.toReply(ex, what, context));
        }
        boolean binary = request.isBinary();
        if (!method.definition.async()) {
            exit(bulkhead);
            return completed(toReply(operation, result, binary, what, context));
        }
        if (result == null) {
            exit(bulkhead);
            return completed(this.failures.toReply(
                    new IllegalStateException("Asynchronous handler " + method.definition.signature()
                            + " returned null instead of a CompletionStage"),
                    what,
                    context));
        }
        return ((CompletionStage<?>) result)
                .handle((value, ex) -> {
                    exit(bulkhead);
                    return (ex != null)
                            ? this.failures.toReply(ex, what, context)
                            : toReply(operation, value, binary, what, context);
                })
                .toCompletableFuture();
    }

    private static void exit(@Nullable Bulkhead bulkhead) {
        if (bulkhead != null) {
            bulkhead.exit();
        }
    }

    private @Nullable Object[] resolveArguments(BoundMethod method, ChannelContext context, ProxyRequest request) {
        List<ChannelParameter> parameters = method.definition.parameters();
        Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            ChannelParameter parameter = parameters.get(i);
            arguments[i] = switch (parameter.kind()) {
                case CONTEXT -> context;
                case VARIABLE -> convert(parameter, context.variables().get(parameter.name()));
                case PAYLOAD -> method.payload.bind(request);
            };
        }
        return arguments;
    }

    private Object convert(ChannelParameter parameter, @Nullable String value) {
        if (value == null) {
            throw invalidChannel("the pattern has no variable '" + parameter.name() + "'");
        }
        try {
            return this.converter.convert(value, parameter.type());
        } catch (RuntimeException ex) {
            throw invalidChannel("'" + value + "' is not a valid " + parameter.name());
        }
    }

    private static ProxyReplyException invalidChannel(String reason) {
        String message = "invalid channel: " + reason;
        return new ProxyReplyException(ProxyReply.error(400, message, false), message);
    }

    private ProxyReply toReply(
            ChannelOperation operation, @Nullable Object result, boolean binary, String what, ChannelContext context) {
        try {
            return switch (operation) {
                case SUBSCRIBE -> subscribeReply(result, binary);
                case PUBLISH -> publishReply(result, binary);
                case SUB_REFRESH -> subRefreshReply(result, binary);
            };
        } catch (RuntimeException ex) {
            return this.failures.toReply(ex, what, context);
        }
    }

    private ProxyReply subscribeReply(@Nullable Object result, boolean binary) {
        if (result == null || Boolean.TRUE.equals(result)) {
            return ProxyReply.fields(Map.of());
        }
        if (Boolean.FALSE.equals(result)) {
            return ProxyReply.error(403, "permission denied", false);
        }
        SubscribeResult subscribe = (SubscribeResult) result;
        ProxyRejection rejection = subscribe.rejection();
        if (rejection != null) {
            return rejection.toReply();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        this.codec.putPayload(fields, "info", subscribe.info(), binary);
        this.codec.putPayload(fields, "data", subscribe.data(), binary);
        if (subscribe.expireAt() != null) {
            fields.put("expire_at", subscribe.expireAt().getEpochSecond());
        }
        ChannelOverride override = subscribe.override();
        if (!override.isEmpty()) {
            fields.put("override", override(override));
        }
        return ProxyReply.fields(fields);
    }

    private ProxyReply publishReply(@Nullable Object result, boolean binary) {
        if (result == null || Boolean.TRUE.equals(result)) {
            return ProxyReply.fields(Map.of());
        }
        if (Boolean.FALSE.equals(result)) {
            return ProxyReply.error(403, "permission denied", false);
        }
        PublishDecision publish = (PublishDecision) result;
        ProxyRejection rejection = publish.rejection();
        if (rejection != null) {
            return rejection.toReply();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (publish.replaced()) {
            this.codec.putPayload(fields, "data", publish.data(), binary);
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

    private ProxyReply subRefreshReply(@Nullable Object result, boolean binary) {
        if (!(result instanceof SubRefreshResult refresh) || refresh.isExpired()) {
            return expired();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expired", false);
        if (refresh.expireAt() != null) {
            fields.put("expire_at", refresh.expireAt().getEpochSecond());
        }
        this.codec.putPayload(fields, "info", refresh.info(), binary);
        return ProxyReply.fields(fields);
    }

    private static ProxyReply expired() {
        return ProxyReply.fields(Map.of("expired", true));
    }

    /** The wire form of overrides: {@code {"presence":{"value":true},...}}. */
    public static Map<String, Object> override(ChannelOverride override) {
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

    private static String name(ChannelOperation operation) {
        return switch (operation) {
            case SUBSCRIBE -> "subscribe";
            case PUBLISH -> "publish";
            case SUB_REFRESH -> "sub_refresh";
        };
    }

    private static CompletableFuture<ProxyReply> completed(ProxyReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** Builds a {@link ChannelDispatcher}. */
    public static final class Builder {

        private final ObjectMapper mapper;

        private @Nullable Validator validator;

        private ChannelVariableConverter converter = ChannelVariableConverter.basic();

        private final List<ProxyExceptionTranslator> translators = new ArrayList<>();

        private final Map<ChannelOperation, List<BoundMethod>> methods = new EnumMap<>(ChannelOperation.class);

        private ConcurrencyLimits limits = ConcurrencyLimits.NONE;

        private Builder(ObjectMapper mapper) {
            if (mapper == null) {
                throw new IllegalArgumentException("'mapper' must not be null");
            }
            this.mapper = mapper;
        }

        /** Sets the validator for validated payloads. */
        public Builder validator(@Nullable Validator validator) {
            this.validator = validator;
            return this;
        }

        /** Sets how pattern variables are converted (default {@link ChannelVariableConverter#basic()}). */
        public Builder variableConverter(ChannelVariableConverter converter) {
            if (converter == null) {
                throw new IllegalArgumentException("'converter' must not be null");
            }
            this.converter = converter;
            return this;
        }

        /**
         * Limits how many calls of each handler run at once (asked with the operation's proxy name,
         * {@code subscribe}, {@code publish} or {@code sub_refresh}, and the handler's pattern when
         * the dispatcher is built). A call over the limit does not reach the handler: subscribe and
         * publish get error 429 "too many concurrent calls" (temporary: the SDK resubscribes with
         * backoff; a publish fails with {@code temporary: true}); sub_refresh keeps the subscription
         * and is asked again in a minute. An asynchronous call counts until its stage completes.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder concurrencyLimits(ConcurrencyLimits limits) {
            if (limits == null) {
                throw new IllegalArgumentException("'limits' must not be null");
            }
            this.limits = limits;
            return this;
        }

        /** Adds a translator for exceptions the library does not know. */
        public Builder exceptionTranslator(ProxyExceptionTranslator translator) {
            if (translator == null) {
                throw new IllegalArgumentException("'translator' must not be null");
            }
            this.translators.add(translator);
            return this;
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
         *     or a payload is validated but no validator is set
         */
        public Builder register(ChannelMethodDefinition definition, Supplier<?> handler) {
            if (definition == null) {
                throw new IllegalArgumentException("'definition' must not be null");
            }
            ChannelPattern pattern = ChannelPattern.parse(definition.pattern());
            List<BoundMethod> list = this.methods.computeIfAbsent(definition.operation(), (key) -> new ArrayList<>());
            for (BoundMethod existing : list) {
                if (existing.pattern.equals(pattern)) {
                    throw new IllegalStateException("Duplicate " + name(definition.operation()) + " handler for '"
                            + pattern + "': " + existing.definition.signature() + " and "
                            + definition.signature() + ". Keep one of them.");
                }
            }
            PayloadBinding payload = null;
            for (ChannelParameter parameter : definition.parameters()) {
                if (parameter.kind() == ChannelParameter.Kind.PAYLOAD) {
                    if (parameter.validated() && this.validator == null) {
                        throw new IllegalStateException("Channel handler " + definition.signature()
                                + " validates its payload, but no Jakarta Validator is available. Add a Bean"
                                + " Validation provider such as org.hibernate.validator:hibernate-validator.");
                    }
                    payload = new PayloadBinding(
                            this.mapper,
                            parameter.type(),
                            parameter.nullable(),
                            parameter.validated() ? this.validator : null);
                }
            }
            list.add(new BoundMethod(definition, pattern, handler, payload, null));
            return this;
        }

        /** Builds the dispatcher. */
        public ChannelDispatcher build() {
            Map<ChannelOperation, List<BoundMethod>> sorted = new EnumMap<>(ChannelOperation.class);
            this.methods.forEach((operation, list) -> {
                List<BoundMethod> copy = new ArrayList<>();
                for (BoundMethod method : list) {
                    copy.add(new BoundMethod(
                            method.definition,
                            method.pattern,
                            method.handler,
                            method.payload,
                            Bulkhead.of(
                                    name(operation), method.pattern.text(), method.definition.async(), this.limits)));
                }
                copy.sort((a, b) -> ChannelPattern.SPECIFICITY.compare(a.pattern, b.pattern));
                sorted.put(operation, List.copyOf(copy));
            });
            return new ChannelDispatcher(sorted, this.mapper, new HandlerFailures(this.translators), this.converter);
        }
    }

    private record BoundMethod(
            ChannelMethodDefinition definition,
            ChannelPattern pattern,
            Supplier<?> handler,
            @Nullable PayloadBinding payload,
            @Nullable Bulkhead bulkhead) {}
}
