package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** What the terminal refuses to start without, and what it then tells the operator. */
class TerminalStartupTests {

    private static Throwable startWith(String... args) {
        return catchThrowable(() -> new SpringApplicationBuilder(TerminalApplication.class)
                .properties("server.port=0")
                .run(args)
                .close());
    }

    /** The report Spring Boot prints for the failure (the refusal may be wrapped in a bean's failure). */
    private static FailureAnalysis analysisOf(Throwable failure) {
        assertThat(failure).as("the start-up was refused").isNotNull();
        FailureAnalysis analysis = new StartupRefusedFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("the analysis of %s", failure).isNotNull();
        return analysis;
    }

    @Nested
    class Secrets {

        @Test
        void refusesToStartWithoutThemAndNamesEachPropertyAndVariable() {
            FailureAnalysis analysis = analysisOf(startWith("--centrifugo.proxy.secret=", "--centrifugo.api-key="));

            assertThat(analysis.getDescription())
                    .contains("ships no secrets")
                    .contains("centrifugo.proxy.secret (CENTRIFUGO_PROXY_SECRET)")
                    .contains("centrifugo.api-key (CENTRIFUGO_API_KEY)");
            assertThat(analysis.getAction()).contains("scripts/run-terminal").contains("CENTRIFUGO_HTTP_API_KEY");
        }

        @Test
        void namesOnlyTheOneThatIsMissing() {
            FailureAnalysis analysis = analysisOf(startWith(
                    "--centrifugo.proxy.secret=a-proxy-secret-of-at-least-32-bytes", "--centrifugo.api-key= "));

            assertThat(analysis.getDescription())
                    .contains("centrifugo.api-key (CENTRIFUGO_API_KEY)")
                    .doesNotContain("centrifugo.proxy.secret");
        }
    }

    @Nested
    class Sandbox {

        @Test
        void refusesToStartWithoutBubblewrapSayingWhatToInstall() {
            FailureAnalysis analysis = analysisOf(startWith(
                    "--centrifugo.proxy.secret=a-proxy-secret-of-at-least-32-bytes",
                    "--centrifugo.api-key=an-api-key",
                    "--terminal.sandbox.bwrap=/nonexistent/bwrap"));

            assertThat(analysis.getDescription()).contains("Shells run in a bubblewrap sandbox");
            assertThat(analysis.getAction())
                    .contains("apt-get install bubblewrap")
                    .contains("terminal.insecure-unsandboxed-shells=true");
        }
    }
}
