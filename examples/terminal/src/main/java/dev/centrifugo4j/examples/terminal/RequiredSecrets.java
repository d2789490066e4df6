package dev.centrifugo4j.examples.terminal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The example ships no secrets: without the proxy secret and the API key it refuses to start, before
 * any bean is made, naming every one that is missing (not only the first). Skipped while Spring AOT
 * processes the application at build time, when no secret is there to check.
 */
final class RequiredSecrets implements BeanFactoryPostProcessor {

    /** A secret: its property and the environment variable application.properties reads it from. */
    record Secret(String property, String variable) {

        @Override
        public String toString() {
            return this.property + " (" + this.variable + ")";
        }
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("centrifugo.proxy.secret", "CENTRIFUGO_PROXY_SECRET"),
            new Secret("centrifugo.api-key", "CENTRIFUGO_API_KEY"));

    private final Environment environment;

    RequiredSecrets(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            return;
        }
        List<Secret> missing = SECRETS.stream()
                .filter((secret) -> !StringUtils.hasText(this.environment.getProperty(secret.property())))
                .toList();
        if (!missing.isEmpty()) {
            throw new StartupRefusedException(
                    "The terminal example ships no secrets, and these are not set: "
                            + missing.stream().map(Secret::toString).collect(Collectors.joining(", ")) + ".",
                    """
                    Set each to a long random value, the same as Centrifugo's: CENTRIFUGO_PROXY_SECRET is what \
                    centrifugo.json sends as X-Centrifugo-Proxy-Secret (Centrifugo reads it from \
                    CENTRIFUGO_VAR_PROXY_SECRET), CENTRIFUGO_API_KEY is Centrifugo's http_api.key \
                    (CENTRIFUGO_HTTP_API_KEY). For example:

                        export CENTRIFUGO_PROXY_SECRET="$(openssl rand -hex 24)" CENTRIFUGO_API_KEY="$(openssl rand -hex 24)"

                    scripts/run-terminal makes new ones for each run; docker compose reads them from .env.""");
        }
    }
}
