package dev.centrifugo4j.api;

/** HTTP 401: the API key is missing or wrong (Centrifugo's {@code http_api.key}). Not retryable. */
public class CentrifugoUnauthorizedException extends CentrifugoHttpException {

    private static final long serialVersionUID = 1L;

    public CentrifugoUnauthorizedException(String method) {
        super(method, 401, "the API key is missing or wrong (compare with Centrifugo's http_api.key)");
    }
}
