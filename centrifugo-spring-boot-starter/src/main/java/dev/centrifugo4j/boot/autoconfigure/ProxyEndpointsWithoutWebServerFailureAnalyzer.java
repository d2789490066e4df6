package dev.centrifugo4j.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link ProxyEndpointsWithoutWebServerException} and how to fix it. */
class ProxyEndpointsWithoutWebServerFailureAnalyzer
        extends AbstractFailureAnalyzer<ProxyEndpointsWithoutWebServerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProxyEndpointsWithoutWebServerException cause) {
        return new FailureAnalysis(
                "The application declares Centrifugo handlers (" + String.join(", ", cause.handlers())
                        + "), but it is not a web application: Centrifugo calls handlers over HTTP, and no proxy"
                        + " endpoint would answer it.",
                """
                Add a web server: org.springframework.boot:spring-boot-starter-webmvc (servlet) or \
                org.springframework.boot:spring-boot-starter-webflux (reactive, Netty). If the application runs \
                without a web server on purpose ('spring.main.web-application-type=none'), remove the handler beans \
                from it.""",
                cause);
    }
}
