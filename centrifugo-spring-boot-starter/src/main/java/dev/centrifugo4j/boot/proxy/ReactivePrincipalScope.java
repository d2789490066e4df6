package dev.centrifugo4j.boot.proxy;

import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Makes a WebFlux proxy call's principal current on the thread that dispatches it, for code that
 * reads a thread-bound context rather than the handler's context: the starter's Spring Security
 * support puts it into {@code SecurityContextHolder}, so that {@code @PreAuthorize} on handlers
 * works as on servlets (an asynchronous handler is invoked within the scope; a synchronous one runs
 * on the blocking executor, which carries the context over).
 */
@FunctionalInterface
public interface ReactivePrincipalScope {

    /** A scope that makes nothing current. */
    ReactivePrincipalScope NONE = (principal) -> Scope.EMPTY;

    /**
     * Makes the principal current until the scope is closed.
     *
     * @param principal the exchange's principal, {@code null} when there is none
     * @return what ends it, on the same thread
     */
    Scope open(@Nullable Principal principal);

    /** What ends a {@link ReactivePrincipalScope}. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        /** A scope that ends nothing. */
        Scope EMPTY = () -> {};

        @Override
        void close();
    }
}
