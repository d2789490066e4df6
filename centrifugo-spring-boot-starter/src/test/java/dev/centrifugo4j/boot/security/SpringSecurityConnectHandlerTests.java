package dev.centrifugo4j.boot.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.connect.ConnectContext;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.connect.RefreshContext;
import dev.centrifugo4j.connect.RefreshResult;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class SpringSecurityConnectHandlerTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final Principal ALICE = UsernamePasswordAuthenticationToken.authenticated(
            "alice", "n/a", AuthorityUtils.createAuthorityList("ROLE_USER"));

    private static final Principal ANONYMOUS = new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private static ConnectContext connect(Principal principal) {
        return new ConnectContext(
                "c1", "websocket", "json", "json", "js", "5.8.0", null, List.of(), Map.of(), principal);
    }

    private static RefreshContext refresh(String user, Principal principal) {
        return new RefreshContext("c1", user, "websocket", "json", "json", null, Map.of(), principal);
    }

    @Nested
    class Connect {

        @Test
        void acceptsTheAuthenticatedUserWithTheConfiguredExpiry() {
            ConnectResult result =
                    new SpringSecurityConnectHandler(Duration.ofMinutes(5), false, true, CLOCK).connect(connect(ALICE));
            assertThat(result.rejection()).isNull();
            assertThat(result.user()).isEqualTo("alice");
            assertThat(result.expireAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        }

        @Test
        void letsConnectionsLiveForeverWithoutExpiry() {
            assertThat(new SpringSecurityConnectHandler(null, false, true, CLOCK)
                            .connect(connect(ALICE))
                            .expireAt())
                    .isNull();
        }

        @Test
        void treatsSpringSecuritysAnonymousUserAsUnauthenticated() {
            ConnectResult result =
                    new SpringSecurityConnectHandler(null, false, true, CLOCK).connect(connect(ANONYMOUS));
            assertThat(result.rejection().error()).isFalse();
            assertThat(result.rejection().code()).isEqualTo(4501);
        }

        @Test
        void refusesWithAnErrorWhenConfiguredSo() {
            ConnectResult result = new SpringSecurityConnectHandler(null, false, false, CLOCK).connect(connect(null));
            assertThat(result.rejection().error()).isTrue();
            assertThat(result.rejection().code()).isEqualTo(401);
        }

        @Test
        void acceptsAnonymousConnectionsOnlyWhenConfigured() {
            ConnectResult result = new SpringSecurityConnectHandler(null, true, true, CLOCK).connect(connect(null));
            assertThat(result.rejection()).isNull();
            assertThat(result.user()).isEmpty();
        }
    }

    @Nested
    class Refresh {

        @Test
        void extendsWhileTheSameUserIsAuthenticated() {
            RefreshResult result = new SpringSecurityConnectHandler(Duration.ofMinutes(5), false, true, CLOCK)
                    .refresh(refresh("alice", ALICE));
            assertThat(result.isExpired()).isFalse();
            assertThat(result.expireAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        }

        @Test
        void expiresWhenTheSessionIsGoneOrBelongsToSomeoneElse() {
            SpringSecurityConnectHandler handler =
                    new SpringSecurityConnectHandler(Duration.ofMinutes(5), false, true, CLOCK);
            assertThat(handler.refresh(refresh("alice", null)).isExpired()).isTrue();
            assertThat(handler.refresh(refresh("bob", ALICE)).isExpired()).isTrue();
            assertThat(handler.refresh(refresh("alice", ANONYMOUS)).isExpired()).isTrue();
        }
    }
}
