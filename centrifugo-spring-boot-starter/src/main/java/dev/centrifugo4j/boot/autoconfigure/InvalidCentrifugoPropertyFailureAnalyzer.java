package dev.centrifugo4j.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a wrong or missing {@code centrifugo.*} property and what to set instead. */
class InvalidCentrifugoPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCentrifugoPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCentrifugoPropertyException cause) {
        return new FailureAnalysis(
                "The property '" + cause.getProperty() + "' is not usable: " + cause.getProblem(),
                cause.getAction(),
                cause);
    }
}
