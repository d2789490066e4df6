package dev.centrifugo4j.boot.rpc;

import java.util.List;

/**
 * Start-up failure: beans declare handler methods ({@code @WebSocketRpc}, {@code @OnSubscribe}, ...) that the generated index does not
 * list, because the annotation processor did not run when they were compiled.
 */
public class HandlersNotIndexedException extends RuntimeException {

    private final List<String> methods;

    public HandlersNotIndexedException(List<String> methods) {
        super("Handler methods missing from the generated index (the centrifugo4j annotation processor did"
                + " not run): " + String.join(", ", methods));
        this.methods = List.copyOf(methods);
    }

    /** The methods that are not indexed, as {@code Class.method(Params)}. */
    public List<String> getMethods() {
        return this.methods;
    }
}
