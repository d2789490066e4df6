package dev.centrifugo4j.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.centrifugo4j.boot.autoconfigure.InvalidCentrifugoPropertyException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The quick start ships no secrets: it does not start until all three are set. */
class QuickstartSecretsTests {

    private static InvalidCentrifugoPropertyException startWith(String... args) {
        return catchThrowableOfType(
                InvalidCentrifugoPropertyException.class,
                () -> new SpringApplicationBuilder(QuickstartApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(args)
                        .close());
    }

    @Test
    void refusesToStartWithoutAnySecretAndNamesEachPropertyAndVariable() {
        InvalidCentrifugoPropertyException refusal =
                startWith("--centrifugo.proxy.secret=", "--centrifugo.api-key=", "--centrifugo.token.hmac-secret=");

        assertThat(refusal).isNotNull();
        assertThat(refusal.getProperty()).isEqualTo("centrifugo.proxy.secret");
        assertThat(refusal.getProblem())
                .contains("centrifugo.proxy.secret=CENTRIFUGO_PROXY_SECRET")
                .contains("centrifugo.api-key=CENTRIFUGO_API_KEY")
                .contains("centrifugo.token.hmac-secret=CENTRIFUGO_HMAC_SECRET");
        assertThat(refusal.getAction()).contains("scripts/run-quickstart");
    }

    @Test
    void namesOnlyTheSecretThatIsMissing() {
        InvalidCentrifugoPropertyException refusal = startWith(
                "--centrifugo.proxy.secret=a-proxy-secret-of-at-least-32-bytes",
                "--centrifugo.api-key=",
                "--centrifugo.token.hmac-secret=an-hmac-secret-of-at-least-32-bytes-0123456789");

        assertThat(refusal).isNotNull();
        assertThat(refusal.getProperty()).isEqualTo("centrifugo.api-key");
        assertThat(refusal.getProblem()).doesNotContain("proxy").doesNotContain("hmac");
    }
}
