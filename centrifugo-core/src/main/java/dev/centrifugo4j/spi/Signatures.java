package dev.centrifugo4j.spi;

import java.util.List;

/** Readable method signatures for messages about handler methods. */
final class Signatures {

    private Signatures() {}

    /** For example {@code com.example.SystemHandlers.ping(RpcContext, PingParams)}. */
    static String of(Class<?> type, String method, List<Class<?>> parameterTypes) {
        StringBuilder signature =
                new StringBuilder(type.getName()).append('.').append(method).append('(');
        for (int i = 0; i < parameterTypes.size(); i++) {
            signature.append((i > 0) ? ", " : "").append(parameterTypes.get(i).getSimpleName());
        }
        return signature.append(')').toString();
    }
}
