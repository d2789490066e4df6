package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.boot.publisher.TransactionalCentrifugoPublisher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Each publisher or token misconfiguration stops the start-up with a message that says what to set. */
class InvalidCentrifugoPropertyFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    CentrifugoTokenAutoConfiguration.class,
                    CentrifugoPublisherAutoConfiguration.class));

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new InvalidCentrifugoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
        return analysis;
    }

    record OrderService(CentrifugoPublisher publisher) {}

    record AuditService(TransactionalCentrifugoPublisher publisher) {}

    @Test
    void isRegisteredAsAFailureAnalyzer() {
        // Boot's own analyzers need constructor arguments that only a running application has.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(
                                FailureAnalyzer.class,
                                null,
                                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {})))
                .anyMatch(analyzer -> analyzer instanceof InvalidCentrifugoPropertyFailureAnalyzer);
    }

    @Test
    void aMalformedApiUrl() {
        this.runner.withPropertyValues("centrifugo.api-url=localhost:8000/api").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription())
                    .contains("'centrifugo.api-url'", "'localhost:8000/api' is not an http or https URL");
            assertThat(analysis.getAction()).contains("Set 'centrifugo.api-url'", "http://localhost:8000/api");
        });
    }

    @Test
    void anEmptyApiUrl() {
        this.runner
                .withPropertyValues("centrifugo.api-url=")
                .run(context ->
                        assertThat(analysis(context).getDescription()).contains("'centrifugo.api-url'", "empty"));
    }

    @Test
    void noApiKeyWhileTheApplicationUsesThePublisher() {
        this.runner.withBean("orderService", OrderService.class).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).contains("'centrifugo.api-key'", "[orderService]", "401");
            assertThat(analysis.getAction()).contains("http_api.key", "centrifugo.api-insecure=true");
        });
    }

    @Test
    void noApiKeyWhileTheApplicationPublishesAfterCommit() {
        this.runner
                .withBean("auditService", AuditService.class)
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("'centrifugo.api-key'", "[auditService]"));
    }

    @Test
    void noApiKeyIsFineForAnApplicationThatDoesNotPublish() {
        this.runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(CentrifugoPublisher.class));
    }

    @Test
    void noApiKeyIsFineWhenCentrifugoRunsItsApiInsecure() {
        this.runner
                .withBean(OrderService.class)
                .withPropertyValues("centrifugo.api-insecure=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anHmacSecretShorterThan32Bytes() {
        this.runner.withPropertyValues("centrifugo.token.hmac-secret=too-short").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).contains("'centrifugo.token.hmac-secret'", "at least 32");
            assertThat(analysis.getAction()).contains("client.token.hmac_secret_key", "openssl rand -hex 32");
        });
    }

    @Test
    void aPrivateKeyThatIsNotOne() {
        this.runner
                .withPropertyValues("centrifugo.token.private-key=not-a-key")
                .run(context ->
                        assertThat(analysis(context).getAction()).contains("'centrifugo.token.private-key'", "PKCS#8"));
    }

    @Test
    void bothKindsOfTokenKey() {
        this.runner
                .withPropertyValues(
                        "centrifugo.token.hmac-secret=0123456789abcdef0123456789abcdef",
                        "centrifugo.token.private-key=whatever")
                .run(context -> assertThat(analysis(context).getAction())
                        .contains("either 'centrifugo.token.hmac-secret' or 'centrifugo.token.private-key'"));
    }

    @Test
    void everyAnalysisNamesAProperty() {
        for (String property : List.of("centrifugo.api-url=ftp://x", "centrifugo.token.hmac-secret=x")) {
            this.runner
                    .withPropertyValues(property)
                    .run(context ->
                            assertThat(analysis(context).getDescription()).startsWith("The property 'centrifugo."));
        }
    }
}
