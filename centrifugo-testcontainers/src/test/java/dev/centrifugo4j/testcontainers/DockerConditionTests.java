package dev.centrifugo4j.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@link RequiresDocker}: runs with Docker, skips without it, fails without it under CI. */
@ExtendWith(OutputCaptureExtension.class)
class DockerConditionTests {

    @RequiresDocker
    static class NeedsDocker {}

    @RequiresDocker(compose = true)
    static class NeedsCompose {}

    private static ExtensionContext context(Class<?> testClass) {
        ExtensionContext context = mock(ExtensionContext.class);
        given(context.getElement()).willReturn(Optional.of(testClass));
        given(context.getDisplayName()).willReturn(testClass.getSimpleName());
        return context;
    }

    private static ConditionEvaluationResult evaluate(
            Class<?> testClass, boolean docker, boolean compose, Map<String, String> env) {
        return new DockerCondition(() -> docker, () -> compose, env::get)
                .evaluateExecutionCondition(context(testClass));
    }

    @Test
    void runsWhereDockerAnswers() {
        assertThat(evaluate(NeedsDocker.class, true, false, Map.of()).isDisabled())
                .isFalse();
        assertThat(evaluate(NeedsCompose.class, true, true, Map.of("CI", "true"))
                        .isDisabled())
                .isFalse();
    }

    @Test
    void skipsWithOneLineThatSaysWhyWithoutDocker(CapturedOutput output) {
        ConditionEvaluationResult result = evaluate(NeedsDocker.class, false, false, Map.of());
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("no Docker engine answers"));
        assertThat(output.getErr()).contains("SKIPPED NeedsDocker: no Docker engine answers");
    }

    @Test
    void skipsWithoutComposeOnlyWhenTheTestNeedsIt() {
        assertThat(evaluate(NeedsDocker.class, true, false, Map.of()).isDisabled())
                .isFalse();
        assertThat(evaluate(NeedsCompose.class, true, false, Map.of()).getReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("'docker compose version' fails"));
    }

    @Test
    void failsUnderCiWithoutDocker() {
        assertThatIllegalStateException()
                .isThrownBy(() -> evaluate(NeedsCompose.class, false, false, Map.of("CI", "true")))
                .withMessageContaining("no Docker engine answers")
                .withMessageContaining("CI is set, so this is a failure, not a skip");
        assertThatIllegalStateException()
                .isThrownBy(() -> evaluate(NeedsCompose.class, true, false, Map.of("CI", "1")))
                .withMessageContaining("docker compose");
    }
}
