package dev.centrifugo4j.testcontainers;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/** The condition behind {@link RequiresDocker}. */
final class DockerCondition implements ExecutionCondition {

    private static final Duration COMPOSE_CHECK_TIMEOUT = Duration.ofSeconds(20);

    private final BooleanSupplier dockerAnswers;

    private final BooleanSupplier composeRuns;

    private final Function<String, @Nullable String> environment;

    private final Consumer<String> console;

    DockerCondition() {
        this(
                () -> DockerClientFactory.instance().isDockerAvailable(),
                DockerCondition::composeRuns,
                System::getenv,
                System.err::println);
    }

    DockerCondition(
            BooleanSupplier dockerAnswers,
            BooleanSupplier composeRuns,
            Function<String, @Nullable String> environment,
            Consumer<String> console) {
        this.dockerAnswers = dockerAnswers;
        this.composeRuns = composeRuns;
        this.environment = environment;
        this.console = console;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        RequiresDocker requirement = AnnotationSupport.findAnnotation(context.getElement(), RequiresDocker.class)
                .orElse(null);
        if (requirement == null) {
            return ConditionEvaluationResult.enabled("no @RequiresDocker");
        }
        String missing = missing(requirement.compose());
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Docker answers");
        }
        String test = context.getDisplayName();
        String ci = this.environment.apply("CI");
        if (ci != null && !ci.isBlank()) {
            throw new IllegalStateException(test + ": " + missing + " (CI is set, so this is a failure, not a skip)");
        }
        // A class skipped before it starts shows as "Tests run: 0" in the build output: say why there.
        this.console.accept("SKIPPED " + test + ": " + missing);
        return ConditionEvaluationResult.disabled(missing);
    }

    private @Nullable String missing(boolean compose) {
        if (!this.dockerAnswers.getAsBoolean()) {
            return "no Docker engine answers (start one, or point DOCKER_HOST at one)";
        }
        if (compose && !this.composeRuns.getAsBoolean()) {
            return "'docker compose version' fails: the Docker Compose v2 CLI plugin is missing";
        }
        return null;
    }

    private static boolean composeRuns() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(COMPOSE_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
