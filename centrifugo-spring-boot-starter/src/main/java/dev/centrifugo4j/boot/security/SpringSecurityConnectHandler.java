package dev.centrifugo4j.boot.security;

import dev.centrifugo4j.connect.ConnectContext;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.connect.RefreshContext;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.connect.RefreshResult;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The default connect and refresh answers: the connection is the Spring Security user that the
 * forwarded session cookie or bearer token authenticates, and it expires after {@code expireAfter}
 * ({@code centrifugo.connect.expire-after}, 15 minutes in Spring Boot). Refresh re-checks that the
 * same user is still authenticated (the session has not expired or been logged out) before
 * extending, so a logout ends the connection within that time.
 */
public final class SpringSecurityConnectHandler implements ConnectHandler, RefreshHandler {

    /** How far a refresh extends a connection when no expiry is configured. */
    private static final Duration DEFAULT_EXTENSION = Duration.ofHours(1);

    private final @Nullable Duration expireAfter;

    private final boolean anonymous;

    private final boolean disconnectUnauthenticated;

    private final Clock clock;

    /**
     * Creates the handler.
     *
     * @param expireAfter how long connections live between refreshes; {@code null} for no expiry
     * @param anonymous whether unauthenticated connections come in as anonymous
     * @param disconnectUnauthenticated whether unauthenticated ones are refused with a disconnect
     *     (4501, terminal) rather than an error (401, retried)
     * @param clock the clock for expiry times
     */
    public SpringSecurityConnectHandler(
            @Nullable Duration expireAfter, boolean anonymous, boolean disconnectUnauthenticated, Clock clock) {
        this.expireAfter = expireAfter;
        this.anonymous = anonymous;
        this.disconnectUnauthenticated = disconnectUnauthenticated;
        this.clock = clock;
    }

    @Override
    public ConnectResult connect(ConnectContext context) {
        Authentication authentication = authenticated(context.principal());
        if (authentication != null) {
            ConnectResult result = ConnectResult.accept(authentication.getName());
            Duration expireAfter = this.expireAfter;
            return (expireAfter != null)
                    ? result.withExpireAt(this.clock.instant().plus(expireAfter))
                    : result;
        }
        if (this.anonymous) {
            return ConnectResult.anonymous();
        }
        return this.disconnectUnauthenticated
                ? ConnectResult.disconnect(4501, "unauthorized")
                : ConnectResult.deny(401, "unauthorized");
    }

    @Override
    public RefreshResult refresh(RefreshContext context) {
        Authentication authentication = authenticated(context.principal());
        if (authentication == null || !authentication.getName().equals(context.user())) {
            return RefreshResult.expired();
        }
        Duration extension = (this.expireAfter != null) ? this.expireAfter : DEFAULT_EXTENSION;
        return RefreshResult.extendUntil(this.clock.instant().plus(extension));
    }

    private static @Nullable Authentication authenticated(@Nullable Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication;
        }
        return null;
    }
}
