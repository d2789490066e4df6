package dev.centrifugo4j.examples.webflux;

import dev.centrifugo4j.test.ProxyTester;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The handlers through the application's web filters, without Centrifugo: ProxyTester on WebTestClient. */
@SpringBootTest(
        properties = {
            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes!",
            "centrifugo.api-key=unused",
            "centrifugo.token.hmac-secret=hmac-secret-of-at-least-32-bytes!!"
        })
@AutoConfigureWebTestClient
class WebfluxProxyTesterTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private Environment environment;

    private ProxyTester proxy() {
        return ProxyTester.of(this.client, this.environment);
    }

    @Test
    void answersTheBlockingHandlerOffTheEventLoop() {
        proxy().rpc("rooms.lookup")
                .user("alice")
                .data(Map.of("name", "lobby"))
                .send()
                .hasDataSatisfying((data) -> org.assertj.core.api.Assertions.assertThat(
                                data.get("eventLoop").asBoolean())
                        .isFalse());
    }

    @Test
    void refusesInvalidDataWith422() {
        proxy().rpc("rooms.create")
                .user("alice")
                .data(Map.of("name", ""))
                .send()
                .isError(422);
    }

    @Test
    void allowsAndRefusesSubscriptions() {
        proxy().subscribe("rooms:lobby").user("alice").send().isAllowed();
        proxy().subscribe("rooms:attic").user("alice").send().isError(403);
    }

    @Test
    void refusesARequestWithoutTheSecretWith401() {
        proxy().withSecret(null)
                .rpc("rooms.lookup")
                .data(Map.of("name", "lobby"))
                .send()
                .isUnauthorized();
    }
}
