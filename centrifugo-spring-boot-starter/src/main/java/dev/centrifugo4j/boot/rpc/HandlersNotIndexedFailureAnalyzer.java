package dev.centrifugo4j.boot.rpc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link HandlersNotIndexedException}: how to make the annotation processor run. */
class HandlersNotIndexedFailureAnalyzer extends AbstractFailureAnalyzer<HandlersNotIndexedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HandlersNotIndexedException cause) {
        StringBuilder description = new StringBuilder(
                "These handler methods (@WebSocketRpc, @OnSubscribe, @OnPublish, @OnSubRefresh) are not in the index that centrifugo4j's annotation processor generates"
                        + " at compile time, so they cannot be served:\n");
        cause.getMethods().forEach((method) -> description.append("\n    ").append(method));
        return new FailureAnalysis(description.toString(), """
                Make the annotation processor in centrifugo-core run when the handlers are compiled, then rebuild:

                - JDK 23 and later no longer run processors found on the class path. With Maven, add
                  <proc>full</proc> to the maven-compiler-plugin configuration, or list the processor explicitly:
                      <annotationProcessorPaths>
                        <path><groupId>dev.centrifugo4j</groupId><artifactId>centrifugo-core</artifactId></path>
                      </annotationProcessorPaths>
                  With Gradle: annotationProcessor("dev.centrifugo4j:centrifugo-core").
                - Check that annotation processing is not turned off (-proc:none, <proc>none</proc>) and, when
                  annotationProcessorPaths is set, that centrifugo-core is among the paths.
                - In an IDE, enable annotation processing for the project.""", cause);
    }
}
