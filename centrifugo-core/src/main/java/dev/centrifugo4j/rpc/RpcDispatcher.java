package dev.centrifugo4j.rpc;

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
import dev.centrifugo4j.spi.RpcMethodDefinition;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns an RPC proxy request into a reply: decodes the call's data into the handler's parameters,
 * validates them, invokes the handler through its generated invoker and encodes what it returns.
 * Every failure becomes a well-formed Centrifugo reply (see {@link RpcErrorCodes}); nothing the
 * handler throws reaches the wire as text or a stack trace.
 *
 * <pre>{@code
 * RpcDispatcher dispatcher = RpcDispatcher.builder(mapper)
 *         .validator(validator)
 *         .register(definition, handlerBean)
 *         .build();
 * byte[] reply = dispatcher.dispatch(requestBody, headers).join();
 * }</pre>
 *
 * <p>Thread-safe; build it once. The hot path does no reflection: parameter readers are prepared
 * when the dispatcher is built and handlers are called through generated code.
 */
public final class RpcDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(RpcDispatcher.class);

    private final Map<String, BoundMethod> methods;

    private final ProxyCodec codec;

    private final HandlerFailures failures;

    private RpcDispatcher(Map<String, BoundMethod> methods, ProxyCodec codec, HandlerFailures failures) {
        this.methods = methods;
        this.codec = codec;
        this.failures = failures;
    }

    /**
     * Starts a dispatcher.
     *
     * @param mapper the application's mapper, used for the call's data and the handler's result
     * @return a builder
     */
    public static Builder builder(ObjectMapper mapper) {
        return new Builder(mapper);
    }

    /** The names of the registered methods, sorted. */
    public Set<String> methodNames() {
        return Collections.unmodifiableSet(new TreeSet<>(this.methods.keySet()));
    }

    /** The bulkheads of the methods that have a concurrency limit, sorted by method name. */
    public List<Bulkhead> bulkheads() {
        List<Bulkhead> bulkheads = new ArrayList<>();
        for (String name : methodNames()) {
            Bulkhead bulkhead = this.methods.get(name).bulkhead();
            if (bulkhead != null) {
                bulkheads.add(bulkhead);
            }
        }
        return List.copyOf(bulkheads);
    }

    /** The definition registered under a method name, or {@code null}. */
    public @Nullable RpcMethodDefinition method(String name) {
        BoundMethod method = this.methods.get(name);
        return (method != null) ? method.definition() : null;
    }

    /**
     * Handles one proxy request body and produces the reply body. The returned future is already
     * complete unless the handler is asynchronous; it never completes exceptionally.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request (the forwarded client headers among them)
     * @return the HTTP body to answer with (status 200)
     */
    public CompletableFuture<byte[]> dispatch(byte[] body, Map<String, List<String>> headers) {
        return dispatch(body, headers, null);
    }

    /**
     * Handles one proxy request body on behalf of an authenticated principal; see {@link
     * #dispatch(byte[], Map)}.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @return the HTTP body to answer with (status 200)
     */
    public CompletableFuture<byte[]> dispatch(
            byte[] body, Map<String, List<String>> headers, @Nullable Principal principal) {
        return dispatch(body, headers, principal, null);
    }

    /**
     * Handles one proxy request body like {@link #dispatch(byte[], Map, Principal)} and records the
     * served method and the outcome in the call before the returned future completes.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @param call where to record the method and the outcome, if anywhere
     * @return the HTTP body to answer with (status 200)
     */
    public CompletableFuture<byte[]> dispatch(
            byte[] body, Map<String, List<String>> headers, @Nullable Principal principal, @Nullable ProxyCall call) {
        ProxyRequest request;
        try {
            request = this.codec.readRequest(body);
        } catch (MalformedProxyRequestException ex) {
            logger.warn("Rejected a malformed RPC proxy request: {}", ex.getMessage());
            return CompletableFuture.completedFuture(
                    this.codec.encode(HandlerFailures.malformedRequest(), false, "RPC", call));
        }
        if (call != null) {
            call.request(request);
        }
        String method = request.method();
        if (call != null && this.methods.containsKey(method)) {
            call.method(method);
        }
        CompletableFuture<ProxyReply> reply = dispatch(request, headers, principal);
        boolean binary = request.isBinary();
        String what = "RPC '" + method + "'";
        if (reply.isDone()) {
            return CompletableFuture.completedFuture(this.codec.encode(reply.join(), binary, what, call));
        }
        return reply.thenApply((done) -> this.codec.encode(done, binary, what, call));
    }

    /**
     * Handles one decoded request. The returned future is already complete unless the handler is
     * asynchronous; it never completes exceptionally.
     *
     * @param request the request
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @return the reply
     */
    public CompletableFuture<ProxyReply> dispatch(
            ProxyRequest request, Map<String, List<String>> headers, @Nullable Principal principal) {
        BoundMethod method = this.methods.get(request.method());
        if (method == null) {
            logger.debug("No RPC handler for method '{}'", request.method());
            return completed(ProxyReply.error(RpcErrorCodes.METHOD_NOT_FOUND, "method not found", false));
        }
        RpcContext context = new RpcContext(
                request.client(),
                request.user(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.method(),
                request.meta(),
                headers,
                principal);
        Object params = null;
        PayloadBinding payload = method.payload;
        if (payload != null) {
            try {
                params = payload.bind(request);
            } catch (ProxyReplyException ex) {
                logger.debug("RPC '{}' rejected: {}", request.method(), ex.getMessage());
                return completed(ex.reply());
            }
        }
        Bulkhead bulkhead = method.bulkhead();
        if (bulkhead != null && !bulkhead.tryEnter()) {
            return completed(tooManyCalls());
        }
        Object result;
        try {
            result = method.definition().invoker().invoke(method.handler().get(), context, params);
        } catch (Throwable ex) {
            exit(bulkhead);
            return completed(failure(ex, context));
        }
        if (!method.definition().async()) {
            exit(bulkhead);
            return completed(ProxyReply.result(result));
        }
        if (result == null) {
            exit(bulkhead);
            return completed(failure(
                    new IllegalStateException("Asynchronous RPC handler "
                            + method.definition().signature() + " returned null instead of a CompletionStage"),
                    context));
        }
        return ((CompletionStage<?>) result)
                .handle((value, ex) -> {
                    exit(bulkhead);
                    return (ex != null) ? failure(ex, context) : ProxyReply.result(value);
                })
                .toCompletableFuture();
    }

    /** Error 429 "too many concurrent calls" (temporary), for a method at its concurrency limit. */
    public static ProxyReply tooManyCalls() {
        return Bulkhead.tooManyCalls();
    }

    private static void exit(@Nullable Bulkhead bulkhead) {
        if (bulkhead != null) {
            bulkhead.exit();
        }
    }

    private ProxyReply failure(Throwable failure, RpcContext context) {
        return this.failures.toReply(failure, "RPC '" + context.method() + "'", context);
    }

    private static CompletableFuture<ProxyReply> completed(ProxyReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** Builds an {@link RpcDispatcher}. */
    public static final class Builder {

        private final ObjectMapper mapper;

        private @Nullable Validator validator;

        private final List<ProxyExceptionTranslator> translators = new ArrayList<>();

        private final Map<String, BoundMethod> methods = new HashMap<>();

        private ConcurrencyLimits limits = ConcurrencyLimits.NONE;

        private Builder(ObjectMapper mapper) {
            if (mapper == null) {
                throw new IllegalArgumentException("'mapper' must not be null");
            }
            this.mapper = mapper;
        }

        /**
         * Sets the validator for methods whose parameters are {@code @Valid} or constrained.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(@Nullable Validator validator) {
            this.validator = validator;
            return this;
        }

        /**
         * Limits how many calls of each method run at once; a call over the limit is answered with
         * error 429 "too many concurrent calls" (temporary) without reaching the handler. An
         * asynchronous call counts until its stage completes, also when the caller already
         * answered it with a timeout: the stage is still running and holding what it holds, so
         * releasing its slot then would let a stuck dependency pile up work without bound. Applies
         * to every method; replaces {@link #concurrencyLimits(ConcurrencyLimits)}.
         *
         * @param maxConcurrentCalls calls per method at once, {@code 0} for no limit
         * @return this builder
         */
        public Builder maxConcurrentCalls(int maxConcurrentCalls) {
            this.limits = ConcurrencyLimits.each(maxConcurrentCalls);
            return this;
        }

        /**
         * Limits how many calls of each method run at once, method by method (asked with the proxy
         * {@code rpc} and the method's name when the dispatcher is built); see {@link
         * #maxConcurrentCalls(int)} for what happens over the limit.
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

        /**
         * Adds a translator for exceptions the library does not know (asked in the order added).
         *
         * @param translator the translator
         * @return this builder
         */
        public Builder exceptionTranslator(ProxyExceptionTranslator translator) {
            if (translator == null) {
                throw new IllegalArgumentException("'translator' must not be null");
            }
            this.translators.add(translator);
            return this;
        }

        /**
         * Registers a method served by a singleton handler.
         *
         * @param definition the generated definition
         * @param handler the bean that declares the method
         * @return this builder
         */
        public Builder register(RpcMethodDefinition definition, Object handler) {
            if (handler == null) {
                throw new IllegalArgumentException("'handler' must not be null");
            }
            return register(definition, () -> handler);
        }

        /**
         * Registers a method whose handler is looked up for every call (for handlers that are not
         * singletons).
         *
         * @param definition the generated definition
         * @param handler supplies the bean that declares the method
         * @return this builder
         * @throws IllegalStateException when the name is taken or validation is needed but no
         *     validator is set
         */
        public Builder register(RpcMethodDefinition definition, Supplier<?> handler) {
            if (definition == null) {
                throw new IllegalArgumentException("'definition' must not be null");
            }
            BoundMethod existing = this.methods.get(definition.name());
            if (existing != null) {
                throw new IllegalStateException("Duplicate RPC method '" + definition.name() + "': declared by "
                        + existing.definition().signature() + " and by " + definition.signature()
                        + ". Give one of them another name.");
            }
            if (definition.validated() && this.validator == null) {
                throw new IllegalStateException("RPC method '" + definition.name() + "' (" + definition.signature()
                        + ") validates its parameters, but no Jakarta Validator is available. Add a Bean"
                        + " Validation provider such as org.hibernate.validator:hibernate-validator.");
            }
            Type paramsType = definition.paramsType();
            PayloadBinding payload = (paramsType != null)
                    ? new PayloadBinding(
                            this.mapper,
                            paramsType,
                            definition.paramsNullable(),
                            definition.validated() ? this.validator : null)
                    : null;
            this.methods.put(definition.name(), new BoundMethod(definition, handler, payload, null));
            return this;
        }

        /** Builds the dispatcher. */
        public RpcDispatcher build() {
            Map<String, BoundMethod> methods = new HashMap<>();
            this.methods.forEach((name, method) -> methods.put(
                    name,
                    new BoundMethod(
                            method.definition(),
                            method.handler(),
                            method.payload(),
                            Bulkhead.of("rpc", name, method.definition().async(), this.limits))));
            return new RpcDispatcher(
                    Map.copyOf(methods), new ProxyCodec(this.mapper), new HandlerFailures(this.translators));
        }
    }

    private record BoundMethod(
            RpcMethodDefinition definition,
            Supplier<?> handler,
            @Nullable PayloadBinding payload,
            @Nullable Bulkhead bulkhead) {}
}
