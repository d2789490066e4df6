package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.actuate.CentrifugoEndpoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the Actuator endpoint {@code centrifugo} ({@link CentrifugoEndpoint}), with
 * Spring Boot's actuator, when the endpoint is available: its access is not {@code none} and it is
 * exposed, which it is not by default ({@code management.endpoints.web.exposure.include=centrifugo}).
 */
@AutoConfiguration(
        after = {
            CentrifugoAutoConfiguration.class,
            CentrifugoPublisherAutoConfiguration.class,
            CentrifugoContractAutoConfiguration.class
        })
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(CentrifugoEndpoint.class)
public final class CentrifugoEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CentrifugoEndpoint centrifugoEndpoint(ListableBeanFactory beanFactory) {
        return new CentrifugoEndpoint(beanFactory);
    }
}
