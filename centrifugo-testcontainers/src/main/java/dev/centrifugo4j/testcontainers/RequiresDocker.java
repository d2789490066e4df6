package dev.centrifugo4j.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where a Docker engine answers (and, with {@link #compose()}, where {@code
 * docker compose} runs): elsewhere it is skipped with one line on standard error that says why,
 * unless the {@code CI} environment variable is set, where a missing engine is a broken setup and the
 * class fails.
 *
 * <pre>{@code
 * @RequiresDocker
 * @Testcontainers
 * class ChatContainerTests { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {

    /**
     * Whether the test also runs {@code docker compose} (the Compose v2 CLI plugin).
     *
     * @return whether {@code docker compose version} must succeed too
     */
    boolean compose() default false;
}
