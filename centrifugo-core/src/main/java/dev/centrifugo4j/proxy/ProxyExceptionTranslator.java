package dev.centrifugo4j.proxy;

import org.jspecify.annotations.Nullable;

/**
 * Turns an exception a handler threw into a reply, for exception types the library does not know:
 * for example Spring Security's {@code AccessDeniedException} into error 403. Translators are asked
 * in order; the first non-null reply wins, and unknown exceptions end as error 500.
 */
@FunctionalInterface
public interface ProxyExceptionTranslator {

    /**
     * Translates an exception.
     *
     * @param exception what the handler threw (unwrapped from {@code CompletionException})
     * @return the reply, or {@code null} to leave it to the next translator
     */
    @Nullable
    ProxyReply translate(Throwable exception);
}
