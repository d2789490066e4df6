package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.rpc.RpcErrorCodes;
import dev.centrifugo4j.rpc.RpcException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Binds the {@code data} (or, in binary mode, {@code b64data}) of a proxy request to a handler's
 * parameter type, and validates it. Prepared once per handler method; thread-safe.
 *
 * <p>Jackson's reader for the type (its deserializers, from introspecting the type) is made by the
 * first call, not at start-up: for an application with a hundred handlers that is more than half a
 * second of start-up otherwise, spent on methods that may not be called for a while. Jackson would
 * not report an unbindable type at start-up either (it defers that failure to the first read).
 *
 * <p>Failures become replies: error 400 (the message names the field when Jackson knows it; an
 * unknown property, or a required one missing or {@code null}, is one, see {@link StrictPayloads}),
 * error 422 (every violation, see {@link RpcErrorCodes#VALIDATION_FAILED}), or the code and message
 * of an {@link RpcException} that the type's constructor or setter threw.
 */
final class PayloadBinding {

    private static final ViolationMessages violationMessages = new ViolationMessages();

    private final ObjectMapper mapper;

    private final Type type;

    /** Made by the first call; racing first calls may each make one, all equal. */
    private volatile @Nullable ObjectReader reader;

    /** Made by the first validated call; racing first calls may each make one, all equal. */
    private volatile @Nullable ConstraintPrecheck precheck;

    private final boolean nullable;

    private final @Nullable Validator validator;

    /**
     * Prepares a binding.
     *
     * @param mapper the application's mapper
     * @param type the parameter type
     * @param nullable whether a request without data binds to {@code null} instead of failing
     * @param validator the validator when the parameter is validated, else {@code null}
     */
    PayloadBinding(ObjectMapper mapper, Type type, boolean nullable, @Nullable Validator validator) {
        this.mapper = mapper;
        this.type = type;
        this.nullable = nullable;
        this.validator = validator;
    }

    /**
     * Binds and validates the request's data.
     *
     * @param request the request
     * @return the bound value, {@code null} only for a nullable parameter without data
     * @throws ProxyReplyException with the 400 or 422 reply
     */
    @Nullable
    Object bind(ProxyRequest request) {
        Object value = decode(request);
        Validator validator = this.validator;
        if (value != null && validator != null && !precheck(validator).certainlyValid(value)) {
            Set<ConstraintViolation<Object>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                String message = violationMessages.format(violations);
                throw new ProxyReplyException(
                        ProxyReply.error(RpcErrorCodes.VALIDATION_FAILED, message, false), message);
            }
        }
        return value;
    }

    private @Nullable Object decode(ProxyRequest request) {
        try {
            String b64data = request.b64data();
            if (b64data != null) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(b64data);
                } catch (IllegalArgumentException ex) {
                    throw badRequest("invalid data: b64data is not valid base64");
                }
                if (bytes.length == 0) {
                    return missing();
                }
                if (!Utf8.isValid(bytes)) {
                    throw badRequest("invalid data: b64data is not valid UTF-8");
                }
                return reader().readValue(bytes);
            }
            JsonNode data = request.data();
            if (data == null || data.isNull() || data.isMissingNode()) {
                return missing();
            }
            return reader().readValue(data);
        } catch (JacksonException ex) {
            RpcException deliberate = deliberate(ex);
            if (deliberate != null) {
                throw new ProxyReplyException(
                        ProxyReply.error(deliberate.getCode(), deliberate.getMessage(), deliberate.isTemporary()),
                        deliberate.getMessage());
            }
            throw badRequest(DataErrors.describe(ex));
        }
    }

    /**
     * The {@link RpcException} that a constructor, factory or setter of the type threw while Jackson
     * bound the data: the one way for the type to tell the client why a value is wrong. The text of
     * every other exception stays on the server.
     */
    private static @Nullable RpcException deliberate(JacksonException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RpcException rpc) {
                return rpc;
            }
        }
        return null;
    }

    private ObjectReader reader() {
        ObjectReader reader = this.reader;
        if (reader == null) {
            reader = this.mapper.readerFor(this.mapper.constructType(this.type));
            this.reader = reader;
        }
        return reader;
    }

    /** Lets values that certainly have no violations skip the validator ({@link ConstraintPrecheck}). */
    private ConstraintPrecheck precheck(Validator validator) {
        ConstraintPrecheck precheck = this.precheck;
        if (precheck == null) {
            precheck = (this.type instanceof Class<?> type)
                    ? ConstraintPrecheck.of(validator, type)
                    : ConstraintPrecheck.NONE;
            this.precheck = precheck;
        }
        return precheck;
    }

    private @Nullable Object missing() {
        if (this.nullable) {
            return null;
        }
        throw badRequest("invalid data: the request has no data, but the handler requires it");
    }

    private static ProxyReplyException badRequest(String message) {
        return new ProxyReplyException(ProxyReply.error(RpcErrorCodes.BAD_REQUEST, message, false), message);
    }
}
