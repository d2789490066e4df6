package dev.centrifugo4j.boot.rpc.forgotten;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application whose packages are this one, as @SpringBootApplication would register them. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ForgottenApplication {}
