package dev.centrifugo4j.connect;

/**
 * Decides whether a connection may come in and who it is. With Spring Security on the class path the
 * starter provides one that takes the user from the forwarded session cookie or bearer token; define
 * a bean of this type to replace it.
 *
 * <pre>{@code
 * @Bean
 * ConnectHandler connectHandler(Users users) {
 *     return (context) -> {
 *         Principal principal = context.principal();
 *         return (principal != null)
 *                 ? ConnectResult.accept(principal.getName()).withInfo(users.profile(principal.getName()))
 *                 : ConnectResult.disconnect(4501, "unauthorized");
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ConnectHandler {

    /**
     * Answers the connect proxy.
     *
     * @param context the connection
     * @return the answer; exceptions are mapped as for RPC handlers
     */
    ConnectResult connect(ConnectContext context);
}
