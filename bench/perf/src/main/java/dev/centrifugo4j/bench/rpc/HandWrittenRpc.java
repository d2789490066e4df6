package dev.centrifugo4j.bench.rpc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The baseline: what an application would write by hand to serve Centrifugo's RPC proxy for one
 * method, with plain Jackson data binding and a Jakarta validator. It answers the same bytes as the
 * starter for the benchmark's request.
 */
public final class HandWrittenRpc {

    private final ObjectMapper mapper;

    private final Validator validator;

    private final EchoHandlers handlers;

    public HandWrittenRpc(ObjectMapper mapper, Validator validator, EchoHandlers handlers) {
        this.mapper = mapper;
        this.validator = validator;
        this.handlers = handlers;
    }

    /** Decodes the request, validates the data, calls the handler and encodes the reply. */
    public byte[] handle(byte[] body) {
        Request request;
        try {
            request = this.mapper.readValue(body, Request.class);
        } catch (JacksonException ex) {
            return error(400, "malformed proxy request");
        }
        if (!EchoHandlers.METHOD.equals(request.method())) {
            return error(404, "method not found");
        }
        if (request.data() == null) {
            return error(400, "missing data");
        }
        Set<ConstraintViolation<EchoParams>> violations = this.validator.validate(request.data());
        if (!violations.isEmpty()) {
            return error(422, "invalid params");
        }
        return this.mapper.writeValueAsBytes(new Reply(new Result(this.handlers.echo(request.data()))));
    }

    private byte[] error(int code, String message) {
        return this.mapper.writeValueAsBytes(Map.of("error", Map.of("code", code, "message", message)));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(
            String client,
            String transport,
            String protocol,
            String encoding,
            String user,
            String method,
            EchoParams data) {}

    record Reply(Result result) {}

    record Result(EchoResult data) {}
}
