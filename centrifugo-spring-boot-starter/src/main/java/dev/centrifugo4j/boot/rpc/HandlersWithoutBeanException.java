package dev.centrifugo4j.boot.rpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up failure: classes of the application declare handler methods ({@code @WebSocketRpc},
 * {@code @OnSubscribe}, ...) but have no bean, so none of those methods would be served.
 */
public class HandlersWithoutBeanException extends RuntimeException {

    private final Map<String, List<String>> handlers;

    /**
     * Creates the failure.
     *
     * @param handlers each class without a bean, by name, with its handler methods
     */
    public HandlersWithoutBeanException(Map<String, List<String>> handlers) {
        super(describe(handlers));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        handlers.forEach((type, methods) -> copy.put(type, List.copyOf(methods)));
        this.handlers = Map.copyOf(copy);
    }

    /**
     * The classes without a bean, by name, each with its handler methods as {@code @WebSocketRpc("name")
     * method(Params)}.
     */
    public Map<String, List<String>> getHandlers() {
        return this.handlers;
    }

    /** One line per class: {@code com.example.Handlers: @WebSocketRpc("a") a(), @OnSubscribe("b:{id}") b(String)}. */
    static String describe(Map<String, List<String>> handlers) {
        List<String> lines = new ArrayList<>();
        handlers.forEach((type, methods) -> lines.add(type + ": " + String.join(", ", methods)));
        return "Handler classes without a bean (their methods are not served): " + String.join("; ", lines);
    }
}
