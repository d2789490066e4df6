package dev.centrifugo4j.examples.quickstart;

import dev.centrifugo4j.boot.autoconfigure.InvalidCentrifugoPropertyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The quick start ships no secrets: it refuses to start, before any bean is made, until the proxy
 * secret, the API key and the HMAC secret are set, and names all that are missing. Not checked while
 * Spring AOT processes the application at build time.
 */
final class RequiredSecrets implements BeanFactoryPostProcessor {

    /** Each secret's property, and the environment variable application.properties reads it from. */
    private static final List<Map.Entry<String, String>> SECRETS = List.of(
            Map.entry("centrifugo.proxy.secret", "CENTRIFUGO_PROXY_SECRET"),
            Map.entry("centrifugo.api-key", "CENTRIFUGO_API_KEY"),
            Map.entry("centrifugo.token.hmac-secret", "CENTRIFUGO_HMAC_SECRET"));

    private final Environment environment;

    RequiredSecrets(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> secret : SECRETS) {
            if (!StringUtils.hasText(this.environment.getProperty(secret.getKey()))) {
                missing.put(secret.getKey(), secret.getValue());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidCentrifugoPropertyException(
                    missing.keySet().iterator().next(),
                    "the quick start ships no secrets, and these are not set: " + missing,
                    """
                    Set each environment variable to a long random value (the HMAC secret at least 32 bytes), the \
                    same values Centrifugo runs with: CENTRIFUGO_PROXY_SECRET as CENTRIFUGO_VAR_PROXY_SECRET (the \
                    X-Centrifugo-Proxy-Secret header of centrifugo.json), CENTRIFUGO_API_KEY as \
                    CENTRIFUGO_HTTP_API_KEY, CENTRIFUGO_HMAC_SECRET as CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY. \
                    For example: export CENTRIFUGO_HMAC_SECRET="$(openssl rand -hex 32)". scripts/run-quickstart \
                    makes new ones for each run.""",
                    null);
        }
    }
}
