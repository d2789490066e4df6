package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.centrifugo4j.test.ProxyTester;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The terminal's answers to Centrifugo's proxies, sent through the application (its security filter
 * chains and the proxy endpoints) without a running Centrifugo: who may open, use and read which
 * terminal, and what is refused as invalid. The shells are real (pty4j); nothing here attaches their
 * output, so nothing is published.
 */
@SpringBootTest(
        properties = {
            "terminal.max-sessions-per-user=2",
            "terminal.command=/bin/sh",
            "centrifugo.proxy.secret=terminal-proxy-tests-secret-0123456789",
            "centrifugo.api-key=proxy-tests-api-key"
        })
@AutoConfigureMockMvc
class TerminalProxyTests {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private Environment environment;

    @Autowired
    private TerminalSessions sessions;

    private ProxyTester proxy;

    private String alices;

    @BeforeEach
    void openAlicesTerminal() {
        this.proxy = ProxyTester.of(this.mvc, this.environment);
        this.alices = this.sessions.open("alice", 80, 24).id();
    }

    @AfterEach
    void closeEverything() {
        for (String user : new String[] {"alice", "bob"}) {
            for (int i = 0; i < 3; i++) {
                TerminalSession left = this.sessions.anyOf(user);
                if (left != null) {
                    this.sessions.close(left, "test over");
                }
            }
        }
        assertThat(this.sessions.size()).isZero();
    }

    private ProxyTester.Request rpc(String method, String user, Object data) {
        return this.proxy.rpc(method).user(user).with(user(user)).data(data);
    }

    @Nested
    class Open {

        @Test
        void startsAShellAndAnswersItsId() {
            String id = rpc("terminal.open", "bob", Map.of("cols", 100, "rows", 30))
                    .send()
                    .json()
                    .at("/result/data/sessionId")
                    .asString();
            TerminalSession session = TerminalProxyTests.this.sessions.find(id);
            assertThat(session).isNotNull();
            assertThat(session.owner()).isEqualTo("bob");
        }

        @Test
        void validatesTheSize() {
            assertThat(rpc("terminal.open", "bob", Map.of("cols", 0, "rows", 30))
                            .send()
                            .isError(422)
                            .json()
                            .at("/error/message")
                            .asString())
                    .contains("\"field\":\"cols\"")
                    .contains("\"constraint\":\"Min\"");
            assertThat(rpc("terminal.open", "bob", Map.of("cols", 80, "rows", 201))
                            .send()
                            .isError(422)
                            .json()
                            .at("/error/message")
                            .asString())
                    .contains("\"field\":\"rows\"")
                    .contains("\"constraint\":\"Max\"");
        }

        @Test
        void refusesMoreThanTheAllowedSessionsPerUser() {
            rpc("terminal.open", "alice", Map.of("cols", 80, "rows", 24))
                    .send()
                    .hasDataSatisfying((d) -> d.has("sessionId"));
            rpc("terminal.open", "alice", Map.of("cols", 80, "rows", 24))
                    .send()
                    .isError(429, "you have 2 terminals open already; close one first");
        }

        @Test
        void needsTheLoginSessionOfTheConnectionsUser() {
            TerminalProxyTests.this
                    .proxy
                    .rpc("terminal.open")
                    .user("alice")
                    .data(Map.of("cols", 80, "rows", 24))
                    .send()
                    .isError(403, "permission denied");
            TerminalProxyTests.this
                    .proxy
                    .rpc("terminal.open")
                    .user("alice")
                    .with(user("bob"))
                    .data(Map.of("cols", 80, "rows", 24))
                    .send()
                    .isError(403, "permission denied");
        }
    }

    @Nested
    class Input {

        private final String hello = Base64.getEncoder().encodeToString("echo hi\r".getBytes());

        @Test
        void isAcceptedFromTheOwner() {
            rpc("terminal.input", "alice", Map.of("sessionId", TerminalProxyTests.this.alices, "data", this.hello))
                    .send()
                    .isAllowed();
        }

        @Test
        void isRefusedFromAnyoneElse() {
            rpc("terminal.input", "bob", Map.of("sessionId", TerminalProxyTests.this.alices, "data", this.hello))
                    .send()
                    .isError(403, "permission denied");
        }

        @Test
        void isRefusedForAnUnknownSession() {
            rpc("terminal.input", "alice", Map.of("sessionId", "no-such-session", "data", this.hello))
                    .send()
                    .isError(404, "no such session");
        }

        @Test
        void mustBeBase64() {
            rpc("terminal.input", "alice", Map.of("sessionId", TerminalProxyTests.this.alices, "data", "not base64!"))
                    .send()
                    .isError(400);
        }

        @Test
        void mustNotBeEmptyOrTooLarge() {
            rpc("terminal.input", "alice", Map.of("sessionId", TerminalProxyTests.this.alices, "data", ""))
                    .send()
                    .isError(422);
            String tooLarge = Base64.getEncoder().encodeToString(new byte[TerminalInput.MAX_BYTES + 1]);
            rpc("terminal.input", "alice", Map.of("sessionId", TerminalProxyTests.this.alices, "data", tooLarge))
                    .send()
                    .isError(422);
        }
    }

    @Nested
    class Resize {

        @Test
        void isAcceptedFromTheOwnerWithinBounds() {
            rpc(
                            "terminal.resize",
                            "alice",
                            Map.of("sessionId", TerminalProxyTests.this.alices, "cols", 120, "rows", 40))
                    .send()
                    .isAllowed();
        }

        @Test
        void validatesTheSize() {
            assertThat(rpc(
                                    "terminal.resize",
                                    "alice",
                                    Map.of("sessionId", TerminalProxyTests.this.alices, "cols", 501, "rows", 0))
                            .send()
                            .isError(422)
                            .json()
                            .at("/error/message")
                            .asString())
                    .contains("\"field\":\"cols\"")
                    .contains("\"field\":\"rows\"");
        }

        @Test
        void isRefusedFromAnyoneElse() {
            rpc("terminal.resize", "bob", Map.of("sessionId", TerminalProxyTests.this.alices, "cols", 80, "rows", 24))
                    .send()
                    .isError(403);
        }
    }

    @Nested
    class Close {

        @Test
        void endsTheOwnersSession() {
            rpc("terminal.close", "alice", Map.of("sessionId", TerminalProxyTests.this.alices))
                    .send()
                    .isAllowed();
            assertThat(TerminalProxyTests.this.sessions.find(TerminalProxyTests.this.alices))
                    .isNull();
            rpc("terminal.input", "alice", Map.of("sessionId", TerminalProxyTests.this.alices, "data", "aGk="))
                    .send()
                    .isError(404);
        }

        @Test
        void isRefusedFromAnyoneElse() {
            rpc("terminal.close", "bob", Map.of("sessionId", TerminalProxyTests.this.alices))
                    .send()
                    .isError(403);
            assertThat(TerminalProxyTests.this.sessions.find(TerminalProxyTests.this.alices))
                    .isNotNull();
        }
    }

    @Nested
    class Subscribe {

        private String channel() {
            return TerminalChannel.of(TerminalProxyTests.this.alices);
        }

        @Test
        void letsTheOwnerRead() {
            TerminalProxyTests.this
                    .proxy
                    .subscribe(channel())
                    .user("alice")
                    .with(user("alice"))
                    .send()
                    .isAllowed();
        }

        @Test
        void refusesAnyoneElse() {
            TerminalProxyTests.this
                    .proxy
                    .subscribe(channel())
                    .user("bob")
                    .with(user("bob"))
                    .send()
                    .isError(403, "permission denied");
        }

        @Test
        void refusesTheOwnerWithoutALoginSession() {
            TerminalProxyTests.this
                    .proxy
                    .subscribe(channel())
                    .user("alice")
                    .send()
                    .isError(403);
            TerminalProxyTests.this
                    .proxy
                    .subscribe(channel())
                    .user("alice")
                    .with(user("bob"))
                    .send()
                    .isError(403);
        }

        @Test
        void refusesSessionsThatDoNotExist() {
            TerminalProxyTests.this
                    .proxy
                    .subscribe(TerminalChannel.of("f00dcafe-0000-0000-0000-000000000000"))
                    .user("alice")
                    .with(user("alice"))
                    .send()
                    .isError(403);
        }
    }

    @Nested
    class Connect {

        @Test
        void acceptsTheLoggedInUser() {
            TerminalProxyTests.this.proxy.connect().with(user("alice")).send().hasUser("alice");
        }

        @Test
        void disconnectsAClientWithoutLogin() {
            TerminalProxyTests.this.proxy.connect().send().isDisconnect(4501);
        }

        @Test
        void refusesEveryEndpointWithoutTheSecret() {
            ProxyTester withoutSecret = TerminalProxyTests.this.proxy.withSecret(null);
            withoutSecret.connect().send().isUnauthorized();
            withoutSecret.rpc("terminal.open").send().isUnauthorized();
            withoutSecret.subscribe(channel()).user("alice").send().isUnauthorized();
        }

        private String channel() {
            return TerminalChannel.of(TerminalProxyTests.this.alices);
        }
    }
}
