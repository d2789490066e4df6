package dev.centrifugo4j.dispatch;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One proxy request as the HTTP side hands it to a {@link ProxyDispatcher}.
 *
 * <p>Neither the body nor the headers are copied: the caller must not change them while the call
 * runs (the handler's context makes its case-insensitive copy of the headers only when the handler
 * first asks for them).
 *
 * @param proxy which proxy Centrifugo called (the path the request came to)
 * @param body the HTTP body Centrifugo sent
 * @param headers the HTTP headers Centrifugo forwarded from the client (those of the proxy request
 *     itself left out)
 * @param principal who the application authenticated for the request (with Spring Security, from the
 *     forwarded session cookie or bearer token), if anyone
 */
public record ProxyInput(
        ProxyType proxy,
        byte[] body,
        Map<String, List<String>> headers,
        @Nullable Principal principal) {

    public ProxyInput {
        if (proxy == null) {
            throw new IllegalArgumentException("'proxy' must not be null");
        }
        if (body == null) {
            throw new IllegalArgumentException("'body' must not be null");
        }
        if (headers == null) {
            throw new IllegalArgumentException("'headers' must not be null");
        }
    }

    /**
     * A request without forwarded headers or principal.
     *
     * @param proxy which proxy Centrifugo called
     * @param body the HTTP body Centrifugo sent
     * @return the input
     */
    public static ProxyInput of(ProxyType proxy, byte[] body) {
        return new ProxyInput(proxy, body, Map.of(), null);
    }
}
