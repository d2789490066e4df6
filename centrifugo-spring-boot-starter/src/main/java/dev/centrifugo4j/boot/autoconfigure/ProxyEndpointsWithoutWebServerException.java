package dev.centrifugo4j.boot.autoconfigure;

import java.util.List;

/** Start-up failure: the application has handler beans but no web server to serve their proxy endpoints. */
public class ProxyEndpointsWithoutWebServerException extends RuntimeException {

    private final List<String> handlers;

    /**
     * Creates the exception.
     *
     * @param handlers the classes of the handler beans that no endpoint would serve
     */
    public ProxyEndpointsWithoutWebServerException(List<String> handlers) {
        super("The application has Centrifugo handler beans (" + String.join(", ", handlers)
                + ") but is not a web application: no proxy endpoint would serve them");
        this.handlers = List.copyOf(handlers);
    }

    /** The classes of the handler beans that no endpoint would serve. */
    public List<String> handlers() {
        return this.handlers;
    }
}
