package dev.centrifugo4j.boot.rpc;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** Opens the package-private analyzer to tests in other packages. */
public final class TestAnalyzers {

    public FailureAnalysis analyze(HandlersNotIndexedException failure) {
        return new HandlersNotIndexedFailureAnalyzer().analyze(failure);
    }
}
