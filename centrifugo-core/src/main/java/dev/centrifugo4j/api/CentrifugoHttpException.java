package dev.centrifugo4j.api;

/**
 * Centrifugo (or a proxy in front of it) answered with an HTTP status other than 200: 400 for a
 * request it could not parse, 5xx when it is in trouble, 3xx for a redirect (never followed, so that
 * the API key reaches no other host). Statuses 429 and 5xx are retryable.
 */
public class CentrifugoHttpException extends CentrifugoException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private final String body;

    public CentrifugoHttpException(String method, int status, String body) {
        super(describe(method, status, body), null);
        this.status = status;
        this.body = body;
    }

    private static String describe(String method, int status, String body) {
        String text = body.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        String redirect = (status >= 300 && status < 400)
                ? " (a redirect, not followed so that the API key reaches no other host: set the API URL to the"
                        + " address Centrifugo serves its API at)"
                : "";
        return "Centrifugo answered '" + method + "' with HTTP " + status + redirect
                + (text.isEmpty() ? "" : ": " + text);
    }

    /** The HTTP status. */
    public int status() {
        return this.status;
    }

    /** The response body, possibly empty. */
    public String body() {
        return this.body;
    }

    @Override
    public boolean isRetryable() {
        return this.status == 429 || this.status >= 500;
    }
}
