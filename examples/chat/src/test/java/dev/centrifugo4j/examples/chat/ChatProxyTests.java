package dev.centrifugo4j.examples.chat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.centrifugo4j.test.ProxyTester;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The chat's answers to every Centrifugo proxy, sent through the application (its security filter
 * chains and the proxy endpoints) without a running Centrifugo.
 */
@SpringBootTest(properties = "centrifugo.connect.expire-after=10m")
@AutoConfigureMockMvc
class ChatProxyTests {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private Environment environment;

    private ProxyTester proxy;

    @BeforeEach
    void createTester() {
        this.proxy = ProxyTester.of(this.mvc, this.environment);
    }

    @Nested
    class Connect {

        @Test
        void acceptsTheLoggedInUserWithAnExpiry() {
            ChatProxyTests.this
                    .proxy
                    .connect()
                    .with(user("alice"))
                    .send()
                    .hasUser("alice")
                    .hasResultFieldSatisfying("expire_at", (expireAt) -> expireAt.isNumber());
        }

        @Test
        void disconnectsAClientWithoutSession() {
            ChatProxyTests.this.proxy.connect().send().isDisconnect(4501);
        }

        @Test
        void refreshesOnlyTheSameUser() {
            ChatProxyTests.this
                    .proxy
                    .refresh()
                    .user("alice")
                    .with(user("alice"))
                    .send()
                    .isExtended();
            ChatProxyTests.this
                    .proxy
                    .refresh()
                    .user("alice")
                    .with(user("bob"))
                    .send()
                    .isExpired();
            ChatProxyTests.this.proxy.refresh().user("alice").send().isExpired();
        }
    }

    @Nested
    class Channels {

        @Test
        void letOwnersIntoPersonalChannelsOnly() {
            ChatProxyTests.this
                    .proxy
                    .subscribe("user:alice")
                    .user("alice")
                    .send()
                    .isAllowed();
            ChatProxyTests.this.proxy.subscribe("user:bob").user("alice").send().isError(403, "permission denied");
        }

        @Test
        void rejectARoomThatIsNotANumber() {
            ChatProxyTests.this
                    .proxy
                    .subscribe("chat:room:lobby")
                    .user("alice")
                    .send()
                    .isError(400, "invalid channel");
        }

        @Test
        void attachTheSubscribersInfo() {
            ChatProxyTests.this
                    .proxy
                    .subscribe("chat:room:3")
                    .user("alice")
                    .send()
                    .hasResultField("info", "{\"user\":\"alice\"}");
        }

        @Test
        void moderateAndSignPublications() {
            ChatProxyTests.this
                    .proxy
                    .publish("chat:room:3")
                    .user("alice")
                    .data(Map.of("text", "darn it", "author", "mallory"))
                    .send()
                    .hasData("{\"text\":\"**** it\",\"author\":\"alice\"}");
        }

        @Test
        void validatePublications() {
            ChatProxyTests.this
                    .proxy
                    .publish("chat:room:3")
                    .user("alice")
                    .dataJson("{\"text\":\"\"}")
                    .send()
                    .isError(422);
        }

        @Test
        void expireSubscriptionsNoHandlerRefreshes() {
            ChatProxyTests.this
                    .proxy
                    .subRefresh("chat:room:3")
                    .user("alice")
                    .send()
                    .isExpired();
        }
    }

    @Nested
    class Rpc {

        @Test
        void refusesTheStaffMethodToUsersAndServesItToAdmins() {
            ChatProxyTests.this
                    .proxy
                    .rpc("admin.stats")
                    .user("alice")
                    .with(user("alice").roles("USER"))
                    .send()
                    .isError(403);
            ChatProxyTests.this
                    .proxy
                    .rpc("admin.stats")
                    .user("admin")
                    .with(user("admin").roles("USER", "ADMIN"))
                    .send()
                    .hasData("{\"rooms\":3,\"requestedBy\":\"admin\"}");
        }

        @Test
        void refusesEveryEndpointWithoutTheSecret() {
            ProxyTester withoutSecret = ChatProxyTests.this.proxy.withSecret(null);
            withoutSecret.rpc("chat.whoami").send().isUnauthorized();
            withoutSecret.connect().send().isUnauthorized();
            withoutSecret.subscribe("user:alice").user("alice").send().isUnauthorized();
        }
    }
}
