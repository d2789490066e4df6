package dev.centrifugo4j.connect;

/**
 * Decides whether an expiring connection stays (Centrifugo's refresh proxy, called when the
 * connection's {@code expire_at} passes). Centrifugo ignores errors here: a handler that throws ends
 * the connection like {@link RefreshResult#expired()}.
 */
@FunctionalInterface
public interface RefreshHandler {

    /**
     * Answers the refresh proxy.
     *
     * @param context the connection
     * @return the answer
     */
    RefreshResult refresh(RefreshContext context);
}
