package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.boot.health.CentrifugoHealthEndpointGroupsPostProcessor;
import dev.centrifugo4j.boot.health.CentrifugoHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for the {@code centrifugo} health indicator ({@link CentrifugoHealthIndicator}),
 * with Spring Boot's health module and a {@link CentrifugoPublisher}; off with {@code
 * management.health.centrifugo.enabled=false}.
 */
@AutoConfiguration(after = CentrifugoPublisherAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, CentrifugoPublisher.class})
@ConditionalOnBean(CentrifugoPublisher.class)
@ConditionalOnEnabledHealthIndicator("centrifugo")
public final class CentrifugoHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "centrifugoHealthIndicator")
    CentrifugoHealthIndicator centrifugoHealthIndicator(CentrifugoPublisher publisher) {
        return new CentrifugoHealthIndicator(publisher);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            value = HealthEndpointGroupsPostProcessor.class,
            name = "org.springframework.boot.actuate.endpoint.SecurityContext")
    static class HealthGroupConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CentrifugoHealthEndpointGroupsPostProcessor centrifugoHealthEndpointGroupsPostProcessor() {
            return new CentrifugoHealthEndpointGroupsPostProcessor();
        }
    }
}
