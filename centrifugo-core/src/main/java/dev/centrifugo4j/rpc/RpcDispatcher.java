package dev.centrifugo4j.rpc;

import dev.centrifugo4j.proxy.MalformedProxyRequestException;
import dev.centrifugo4j.proxy.RpcProxyCodec;
import dev.centrifugo4j.proxy.RpcReply;
import dev.centrifugo4j.proxy.RpcRequest;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

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

    private final RpcProxyCodec codec;

    private final ViolationMessages violationMessages;

    private RpcDispatcher(Map<String, BoundMethod> methods, RpcProxyCodec codec) {
        this.methods = methods;
        this.codec = codec;
        this.violationMessages = new ViolationMessages();
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

    /** The definition registered under a method name, or {@code null}. */
    public @Nullable RpcMethodDefinition method(String name) {
        BoundMethod method = this.methods.get(name);
        return (method != null) ? method.definition : null;
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
        RpcRequest request;
        try {
            request = this.codec.readRequest(body);
        } catch (MalformedProxyRequestException ex) {
            logger.warn("Rejected a malformed RPC proxy request: {}", ex.getMessage());
            return CompletableFuture.completedFuture(
                    encode(RpcReply.error(RpcErrorCodes.BAD_REQUEST, "malformed proxy request", false), false, ""));
        }
        CompletableFuture<RpcReply> reply = dispatch(request, headers, principal);
        boolean binary = request.isBinary();
        String method = request.method();
        if (reply.isDone()) {
            return CompletableFuture.completedFuture(encode(reply.join(), binary, method));
        }
        return reply.thenApply((done) -> encode(done, binary, method));
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
    public CompletableFuture<RpcReply> dispatch(
            RpcRequest request, Map<String, List<String>> headers, @Nullable Principal principal) {
        BoundMethod method = this.methods.get(request.method());
        if (method == null) {
            logger.debug("No RPC handler for method '{}'", request.method());
            return completed(RpcReply.error(RpcErrorCodes.METHOD_NOT_FOUND, "method not found", false));
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
        if (method.reader != null) {
            try {
                params = decode(method, request);
            } catch (BadDataException ex) {
                logger.debug("RPC '{}' rejected: {}", request.method(), ex.getMessage());
                return completed(RpcReply.error(RpcErrorCodes.BAD_REQUEST, ex.getMessage(), false));
            }
            Validator validator = method.validator;
            if (params != null && validator != null && method.definition.validated()) {
                Set<ConstraintViolation<Object>> violations = validator.validate(params);
                if (!violations.isEmpty()) {
                    return completed(RpcReply.error(
                            RpcErrorCodes.VALIDATION_FAILED, this.violationMessages.format(violations), false));
                }
            }
        }
        Object result;
        try {
            result = method.definition.invoker().invoke(method.handler.get(), context, params);
        } catch (Throwable ex) {
            return completed(failure(ex, context));
        }
        if (!method.definition.async()) {
            return completed(RpcReply.result(result));
        }
        if (result == null) {
            return completed(failure(
                    new IllegalStateException("Asynchronous RPC handler " + method.definition.signature()
                            + " returned null instead of a CompletionStage"),
                    context));
        }
        return ((CompletionStage<?>) result)
                .handle((value, ex) -> (ex != null) ? failure(ex, context) : RpcReply.result(value))
                .toCompletableFuture();
    }

    /**
     * Encodes a reply; never throws. A result that cannot be serialized becomes an internal error.
     *
     * @param reply the reply
     * @param binary whether the proxy is in binary mode
     * @param method the called method, for the log
     * @return the HTTP body
     */
    public byte[] encode(RpcReply reply, boolean binary, String method) {
        try {
            return this.codec.writeReply(reply, binary);
        } catch (RuntimeException ex) {
            String reference = reference();
            logger.error("RPC '{}' returned a result that cannot be serialized [ref {}]", method, reference, ex);
            return this.codec.writeReply(internalError(reference), binary);
        }
    }

    /** The reply for an asynchronous handler that did not complete in time. */
    public static RpcReply timeoutReply() {
        return RpcReply.error(RpcErrorCodes.TIMEOUT, "handler timed out", true);
    }

    private @Nullable Object decode(BoundMethod method, RpcRequest request) {
        ObjectReader reader = method.reader;
        try {
            if (request.b64data() != null) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(request.b64data());
                } catch (IllegalArgumentException ex) {
                    throw new BadDataException("invalid data: b64data is not valid base64");
                }
                return (bytes.length == 0) ? missing(method) : reader.readValue(bytes);
            }
            JsonNode data = request.data();
            if (data == null || data.isNull() || data.isMissingNode()) {
                return missing(method);
            }
            return reader.readValue(data);
        } catch (JacksonException ex) {
            throw new BadDataException(DataErrors.describe(ex));
        }
    }

    private static @Nullable Object missing(BoundMethod method) {
        if (method.definition.paramsNullable()) {
            return null;
        }
        throw new BadDataException("invalid data: the call has no data, but the method requires parameters");
    }

    private static RpcReply failure(Throwable failure, RpcContext context) {
        Throwable ex = unwrap(failure);
        if (ex instanceof RpcException rpc) {
            logger.debug("RPC '{}' answered with error {}: {}", context.method(), rpc.getCode(), rpc.getMessage());
            return RpcReply.error(rpc.getCode(), rpc.getMessage(), rpc.isTemporary());
        }
        if (ex instanceof DisconnectException disconnect) {
            logger.debug(
                    "RPC '{}' disconnects client {}: {} {}",
                    context.method(),
                    context.client(),
                    disconnect.getCode(),
                    disconnect.getReason());
            return RpcReply.disconnect(disconnect.getCode(), disconnect.getReason());
        }
        String reference = reference();
        logger.error(
                "RPC '{}' failed [ref {}] (client {}, user '{}')",
                context.method(),
                reference,
                context.client(),
                context.user(),
                ex);
        return internalError(reference);
    }

    private static RpcReply internalError(String reference) {
        return RpcReply.error(RpcErrorCodes.INTERNAL_ERROR, "internal error (ref: " + reference + ")", false);
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable current = ex;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String reference() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    private static CompletableFuture<RpcReply> completed(RpcReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** Builds an {@link RpcDispatcher}. */
    public static final class Builder {

        private final ObjectMapper mapper;

        private @Nullable Validator validator;

        private final Map<String, BoundMethod> methods = new HashMap<>();

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
                        + existing.definition.signature() + " and by " + definition.signature()
                        + ". Give one of them another name.");
            }
            if (definition.validated() && this.validator == null) {
                throw new IllegalStateException("RPC method '" + definition.name() + "' (" + definition.signature()
                        + ") validates its parameters, but no Jakarta Validator is available. Add a Bean"
                        + " Validation provider such as org.hibernate.validator:hibernate-validator.");
            }
            ObjectReader reader = (definition.paramsType() != null)
                    ? this.mapper.readerFor(this.mapper.constructType(definition.paramsType()))
                    : null;
            this.methods.put(definition.name(), new BoundMethod(definition, handler, reader, this.validator));
            return this;
        }

        /** Builds the dispatcher. */
        public RpcDispatcher build() {
            return new RpcDispatcher(Map.copyOf(this.methods), new RpcProxyCodec(this.mapper));
        }
    }

    private static final class BoundMethod {

        final RpcMethodDefinition definition;

        final Supplier<?> handler;

        final @Nullable ObjectReader reader;

        final @Nullable Validator validator;

        BoundMethod(
                RpcMethodDefinition definition,
                Supplier<?> handler,
                @Nullable ObjectReader reader,
                @Nullable Validator validator) {
            this.definition = definition;
            this.handler = handler;
            this.reader = reader;
            this.validator = validator;
        }
    }

    /** The call's data cannot be bound; the message is safe to send to the client. */
    private static final class BadDataException extends RuntimeException {

        BadDataException(String message) {
            super(message, null, false, false);
        }
    }
}
