package dev.centrifugo4j.boot.rpc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link HandlersWithoutBeanException}: make each class a bean, or start without its methods. */
class HandlersWithoutBeanFailureAnalyzer extends AbstractFailureAnalyzer<HandlersWithoutBeanException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HandlersWithoutBeanException cause) {
        StringBuilder description = new StringBuilder(
                "These classes of the application declare Centrifugo handler methods, but no bean of them exists,"
                        + " so Centrifugo's calls of these methods would fail as unknown:\n");
        cause.getHandlers().forEach((type, methods) -> {
            description.append("\n    ").append(type);
            methods.forEach((method) -> description.append("\n        ").append(method));
        });
        return new FailureAnalysis(description.toString(), """
                Make each class a bean: annotate it with @Component (or @Service, @Controller, ...) in a package \
                that component scanning covers (the @SpringBootApplication's package or below), or declare a @Bean \
                of it.
                If a class is left out on purpose (its bean is declared only under a condition or a profile), set \
                'centrifugo.handlers.missing-bean=warn' to start without its methods and log a warning instead.""", cause);
    }
}
