package dev.centrifugo4j.api;

import java.io.IOException;

/**
 * No answer came: the connection was refused or broken, or the call timed out. Retryable; note
 * that a call that timed out may still have been carried out.
 */
public class CentrifugoTransportException extends CentrifugoException {

    private static final long serialVersionUID = 1L;

    public CentrifugoTransportException(String method, String url, IOException cause) {
        super("Calling '" + method + "' at " + url + " failed: " + cause, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
