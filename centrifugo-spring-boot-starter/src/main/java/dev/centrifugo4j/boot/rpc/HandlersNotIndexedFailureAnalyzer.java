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
                Make the annotation processor (the artifact dev.centrifugo4j:centrifugo-processor, which the starter
                brings along) run when the handlers are compiled, then rebuild:

                - JDK 23 and later no longer run processors found on the class path. With Maven, list the processor
                  in the maven-compiler-plugin configuration (the version of the starter, or none with centrifugo4j-bom
                  imported and maven-compiler-plugin 3.12 or later):
                      <annotationProcessorPaths>
                        <path><groupId>dev.centrifugo4j</groupId><artifactId>centrifugo-processor</artifactId></path>
                      </annotationProcessorPaths>
                  or add <proc>full</proc> to run the processors on the class path.
                  With Gradle: annotationProcessor("dev.centrifugo4j:centrifugo-processor").
                - Check that annotation processing is not turned off (-proc:none, <proc>none</proc>) and, when
                  annotationProcessorPaths is set, that centrifugo-processor is among the paths.
                - In an IDE, enable annotation processing for the project.""", cause);
    }
}
