package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.RpcErrorCodes;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Centrifugo's rpc proxy: finds the method by name, decodes the call's data into the
 * handler's parameters, validates them, invokes the handler through its generated invoker and
 * encodes what it returns. A method that no handler serves gets error 404 (see {@link
 * RpcErrorCodes}).
 *
 * <pre>{@code
 * RpcDispatcher dispatcher = RpcDispatcher.builder(settings)
 *         .register(definition, handlerBean)
 *         .build();
 * ProxyOutcome outcome = dispatcher.dispatch(new ProxyInput(ProxyType.RPC, body, headers, principal));
 * }</pre>
 *
 * <p>Thread-safe; build it once. The hot path does no reflection: parameter readers are prepared
 * when the dispatcher is built and handlers are called through generated code.
 */
public final class RpcDispatcher implements ProxyDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(RpcDispatcher.class);

    private static final BoundHandler.ResultReplies RESULT = (result, binary) -> ProxyReply.result(result);

    private final Map<String, BoundMethod> methods;

    private final Outcomes outcomes;

    private RpcDispatcher(Map<String, BoundMethod> methods, Outcomes outcomes) {
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
        return Set.of(ProxyType.RPC);
    }

    /** The names of the registered methods, sorted. */
    public Set<String> methodNames() {
        return Collections.unmodifiableSet(new TreeSet<>(this.methods.keySet()));
    }

    @Override
    public List<Bulkhead> bulkheads() {
        List<Bulkhead> bulkheads = new ArrayList<>();
        for (String name : methodNames()) {
            Bulkhead bulkhead = this.methods.get(name).handler().bulkhead();
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

    @Override
    public ProxyOutcome dispatch(ProxyInput input) {
        if (input.proxy() != ProxyType.RPC) {
            throw new IllegalArgumentException("The RPC dispatcher does not answer the " + input.proxy() + " proxy");
        }
        ProxyRequest request;
        try {
            request = this.outcomes.read(input);
        } catch (MalformedProxyRequestException ex) {
            return this.outcomes.malformed(ex);
        }
        BoundMethod method = this.methods.get(request.method());
        if (method == null) {
            logger.debug("No RPC handler for method '{}'", request.method());
            return this.outcomes.answer(
                    ProxyReply.error(RpcErrorCodes.METHOD_NOT_FOUND, "method not found", false),
                    ProxyType.RPC,
                    request,
                    ProxyOutcome.NONE,
                    ProxyOutcome.NONE);
        }
        BoundHandler handler = method.handler();
        RpcContext context = new RpcContext(
                request.client(),
                request.user(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.method(),
                request.meta(),
                input.headers(),
                input.principal());
        Object params = null;
        PayloadBinding payload = method.payload();
        if (payload != null) {
            try {
                params = payload.bind(request);
            } catch (ProxyReplyException ex) {
                logger.debug("RPC '{}' rejected: {}", request.method(), ex.getMessage());
                return this.outcomes.answer(ex.reply(), ProxyType.RPC, request, handler.method(), handler.pattern());
            } catch (RuntimeException ex) {
                // Not the data's fault (a validator that breaks, for example): an internal error.
                return this.outcomes.failedBeforeAdmission(ex, handler, ProxyType.RPC, request, context);
            }
        }
        return this.outcomes.run(handler, ProxyType.RPC, request, context, params);
    }

    /** Builds an {@link RpcDispatcher}. */
    public static final class Builder {

        private final DispatchSettings settings;

        private final Map<String, BoundMethod> methods = new HashMap<>();

        private Builder(DispatchSettings settings) {
            if (settings == null) {
                throw new IllegalArgumentException("'settings' must not be null");
            }
            this.settings = settings;
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
         * @throws IllegalStateException when the name is taken, the concurrency limit is negative, or
         *     validation is needed but the settings have no validator
         */
        public Builder register(RpcMethodDefinition definition, Supplier<?> handler) {
            if (definition == null) {
                throw new IllegalArgumentException("'definition' must not be null");
            }
            String name = definition.name();
            BoundMethod existing = this.methods.get(name);
            if (existing != null) {
                throw new IllegalStateException("Duplicate RPC method '" + name + "': declared by "
                        + existing.definition().signature() + " and by " + definition.signature()
                        + ". Give one of them another name.");
            }
            String signature = definition.signature();
            Type paramsType = definition.paramsType();
            PayloadBinding payload = (paramsType != null)
                    ? this.settings.payloadBinding(
                            paramsType,
                            definition.paramsNullable(),
                            definition.validated(),
                            "RPC method '" + name + "' (" + signature + ")")
                    : null;
            BoundHandler bound = new BoundHandler(
                    name,
                    ProxyOutcome.NONE,
                    signature,
                    definition.async(),
                    this.settings.bulkhead(ProxyType.RPC, name, definition.async()),
                    (context, params) -> definition.invoker().invoke(handler.get(), (RpcContext) context, params),
                    RESULT,
                    null);
            this.methods.put(name, new BoundMethod(definition, payload, bound));
            return this;
        }

        /** Builds the dispatcher. */
        public RpcDispatcher build() {
            return new RpcDispatcher(Map.copyOf(this.methods), this.settings.outcomes());
        }
    }

    private record BoundMethod(
            RpcMethodDefinition definition, @Nullable PayloadBinding payload, BoundHandler handler) {}
}
