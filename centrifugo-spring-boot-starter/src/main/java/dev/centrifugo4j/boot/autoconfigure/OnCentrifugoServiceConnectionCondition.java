package dev.centrifugo4j.boot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a {@link CentrifugoConnectionDetails} bean other than the one backed by the properties
 * is defined: a service connection (Testcontainers, Docker Compose) or the application's own. Looks
 * at bean types only, so nothing is created (a container is not started) to evaluate it.
 */
final class OnCentrifugoServiceConnectionCondition extends SpringBootCondition implements ConfigurationCondition {

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (beanFactory != null) {
            for (String name : beanFactory.getBeanNamesForType(CentrifugoConnectionDetails.class, true, false)) {
                Class<?> type = beanFactory.getType(name, false);
                if (type == null || !PropertiesCentrifugoConnectionDetails.class.isAssignableFrom(type)) {
                    return ConditionOutcome.match("found CentrifugoConnectionDetails bean '" + name + "'");
                }
            }
        }
        return ConditionOutcome.noMatch("no CentrifugoConnectionDetails from a service connection");
    }
}
