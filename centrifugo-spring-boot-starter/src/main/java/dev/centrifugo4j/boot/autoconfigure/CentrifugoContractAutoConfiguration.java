package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.contract.SystemContract;
import dev.centrifugo4j.contract.Contracts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the built-in RPC method {@code system.contract} when the application has a contract (the
 * annotation processor wrote {@value Contracts#RESOURCE}): clients ask it for the contract's
 * version to tell that they were generated from an older one. The contract itself is served only
 * with {@code centrifugo.contract.expose=full}. Turn the method off with {@code
 * centrifugo.contract.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnResource(resources = "classpath:" + Contracts.RESOURCE)
@ConditionalOnBooleanProperty(name = "centrifugo.contract.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CentrifugoProperties.class)
public final class CentrifugoContractAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SystemContract centrifugoSystemContract(CentrifugoProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
        return new SystemContract(
                jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()),
                ClassUtils.getDefaultClassLoader(),
                properties.getContract().getExpose());
    }
}
