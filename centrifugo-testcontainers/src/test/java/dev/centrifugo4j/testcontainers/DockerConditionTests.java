package dev.centrifugo4j.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link RequiresDocker}: runs with Docker, skips without it, fails without it under CI. */
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

    /** What the condition printed: the skip line goes to standard error, here to this list. */
    private final List<String> console = new ArrayList<>();

    private ConditionEvaluationResult evaluate(
            Class<?> testClass, boolean docker, boolean compose, Map<String, String> env) {
        return new DockerCondition(() -> docker, () -> compose, env::get, this.console::add)
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
    void skipsWithOneLineThatSaysWhyWithoutDocker() {
        ConditionEvaluationResult result = evaluate(NeedsDocker.class, false, false, Map.of());
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("no Docker engine answers"));
        assertThat(this.console).singleElement().asString().startsWith("SKIPPED NeedsDocker: no Docker engine answers");
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
