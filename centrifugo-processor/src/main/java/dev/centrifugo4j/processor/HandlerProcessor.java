package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.HandlerAnnotations.handlerMethodsOf;
import static dev.centrifugo4j.processor.TypeMirrors.containsError;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Finds the handler methods ({@code @WebSocketRpc}, {@code @OnSubscribe}, {@code @OnPublish} and
 * {@code @OnSubRefresh}) at compile time, checks their signatures and channel patterns and
 * generates, for each handler class, a {@code <Class>_CentrifugoHandlers} implementation of {@code
 * HandlerIndex} that calls them directly; the runtime dispatches RPC calls and channel proxy requests
 * through these indexes instead of scanning beans with reflection.
 *
 * <p>The processor also writes {@value AggregateResources#INDEX_RESOURCE}, the sorted list of the
 * generated class names, and the contract, once all rounds are over. On an incremental build it
 * keeps the entries of the previous files whose handler class still exists, still has handler
 * methods and was not compiled again, the way Spring's {@code CandidateComponentsIndexer} does.
 *
 * <p>It refers to the runtime types by name only and loads none of them, so that it runs with
 * nothing but the compiler on its class path. Problems are reported with the texts of {@link
 * Message} on the offending method, parameter or annotation value.
 *
 * <p>This class only wires the parts together: {@code HandlerMethodAnalyzer} checks the methods,
 * {@code TypedChannels} the {@code @ChannelPublication} types, {@code HandlerIndexGenerator} writes
 * the index classes, {@code ContractEntries} describes the methods and typed channels for the
 * contract, and {@code AggregateResources} writes the handler index and the contract.
 */
public final class HandlerProcessor extends AbstractProcessor {

    /** The qualified name of the RPC handler annotation. */
    public static final String WEB_SOCKET_RPC = "dev.centrifugo4j.rpc.WebSocketRpc";

    /** The qualified name of the subscribe handler annotation. */
    public static final String ON_SUBSCRIBE = "dev.centrifugo4j.channel.OnSubscribe";

    /** The qualified name of the publish handler annotation. */
    public static final String ON_PUBLISH = "dev.centrifugo4j.channel.OnPublish";

    /** The qualified name of the sub_refresh handler annotation. */
    public static final String ON_SUB_REFRESH = "dev.centrifugo4j.channel.OnSubRefresh";

    /** The qualified name of the annotation that declares a typed channel on its publication type. */
    public static final String CHANNEL_PUBLICATION = "dev.centrifugo4j.channel.ChannelPublication";

    /** The processor option that turns the contract off ({@code -Acentrifugo.contract=false}). */
    static final String CONTRACT_OPTION = "centrifugo.contract";

    /** Handler classes whose signatures still refer to types another processor has yet to generate. */
    private final Set<String> deferredHandlers = new LinkedHashSet<>();

    /** The handler class each index class of this compilation was generated for, by the index's name. */
    private final Map<String, TypeElement> generatedFor = new HashMap<>();

    private @Nullable Elements elements;

    private @Nullable Diagnostics diagnostics;

    private @Nullable HandlerMethodAnalyzer analyzer;

    private @Nullable TypedChannels typedChannels;

    private @Nullable ContractEntries contractEntries;

    private @Nullable HandlerIndexGenerator generator;

    private @Nullable AggregateResources resources;

    /** Creates the processor; javac does this through {@code META-INF/services}. */
    public HandlerProcessor() {}

    /**
     * {@code *}, like Spring's {@code CandidateComponentsIndexer}, although only the handler
     * annotations matter: javac calls a processor only in compilations that contain one of its
     * annotations, so an incremental compilation that removes the last handler annotation would
     * otherwise leave a stale entry in the index. The processor claims nothing, so
     * other processors still see every annotation. (javac warns when {@code *} is listed with other
     * names.)
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    /**
     * {@value #CONTRACT_OPTION}: {@code false} writes the handler index only, no {@value
     * ContractWriter#RESOURCE}, for a library whose built-in handlers are not part of the
     * applications' contracts (the starter's {@code system.contract}).
     */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CONTRACT_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        Elements elements = processingEnv.getElementUtils();
        Types types = processingEnv.getTypeUtils();
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        ContractSchemas schemas = new ContractSchemas(elements, types, EnumJsonValues.of(processingEnv), diagnostics);
        ContractWriter contract = new ContractWriter(schemas);
        ContractEntries contractEntries = new ContractEntries(elements, types, schemas, contract, diagnostics);
        TypedChannels typedChannels = new TypedChannels(types, contractEntries, diagnostics);
        HandlerIndexGenerator generator = new HandlerIndexGenerator(elements);
        this.elements = elements;
        this.diagnostics = diagnostics;
        this.analyzer = new HandlerMethodAnalyzer(elements, types, typedChannels, diagnostics);
        this.typedChannels = typedChannels;
        this.contractEntries = contractEntries;
        this.generator = generator;
        this.resources = new AggregateResources(processingEnv.getFiler(), elements, generator, contract, diagnostics);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        try {
            for (TypeElement handler : handlersOf(roundEnv)) {
                processHandler(handler, roundEnv.processingOver());
            }
            TypeElement publication = elements().getTypeElement(CHANNEL_PUBLICATION);
            if (publication != null) {
                for (Element element : roundEnv.getElementsAnnotatedWith(publication)) {
                    if (element instanceof TypeElement type && resources().addCompiledPublication(type)) {
                        typedChannels().add(type);
                    }
                }
            }
            // Elements of earlier rounds cannot carry diagnostics reliably: check within the round.
            typedChannels().checkHandlers();
            if (roundEnv.processingOver()) {
                resources().writeIndex();
                if (!"false".equals(this.processingEnv.getOptions().get(CONTRACT_OPTION))) {
                    resources().writeContract();
                }
            }
        } catch (RuntimeException ex) {
            diagnostics().reportInternalError(null, ex);
        }
        // Other processors may want to see the handler annotations too.
        return false;
    }

    /** The classes to handle in this round: those deferred by the last round, then those with handler methods. */
    private Set<TypeElement> handlersOf(RoundEnvironment roundEnv) {
        Set<TypeElement> handlers = new LinkedHashSet<>();
        for (String deferred : this.deferredHandlers) {
            TypeElement handler = elements().getTypeElement(deferred);
            if (handler != null) {
                handlers.add(handler);
            }
        }
        this.deferredHandlers.clear();
        for (String annotationName : HandlerAnnotations.QUALIFIED_NAMES) {
            TypeElement annotation = elements().getTypeElement(annotationName);
            if (annotation == null) {
                continue;
            }
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                if (element.getKind() == ElementKind.METHOD
                        && element.getEnclosingElement() instanceof TypeElement handler) {
                    handlers.add(handler);
                }
            }
        }
        return handlers;
    }

    private void processHandler(TypeElement handler, boolean lastRound) {
        try {
            if (resources().isCompiledHandler(handler)) {
                return;
            }
            List<ExecutableElement> methods = handlerMethodsOf(handler);
            if (methods.stream().anyMatch(HandlerProcessor::refersToMissingTypes)) {
                // Another processor may generate the missing types in this round; javac itself
                // reports them if they never appear.
                if (!lastRound) {
                    // By canonical name, as getTypeElement looks it up (a nested class's binary name has a '$').
                    this.deferredHandlers.add(handler.getQualifiedName().toString());
                }
                return;
            }
            resources().addCompiledHandler(handler);
            HandlerMethodAnalyzer.CheckedMethods checked = analyzer().analyze(handler, methods);
            if (checked != null
                    && contractEntries().addHandler(handler, checked.rpcMethods(), checked.channelMethods())) {
                generate(handler, checked);
            }
        } catch (RuntimeException ex) {
            diagnostics().reportInternalError(handler, ex);
        }
    }

    private void generate(TypeElement handler, HandlerMethodAnalyzer.CheckedMethods checked) {
        ClassName name = generator().generatedName(handler);
        TypeElement other = this.generatedFor.putIfAbsent(name.canonicalName(), handler);
        if (other != null) {
            // Snake.Case and Snake_Case: the index name joins nested names with '_'.
            diagnostics().report(Message.INDEX_NAME_CLASH, handler, null, null, handler, other, name.canonicalName());
            return;
        }
        try {
            generator()
                    .generate(handler, checked.rpcMethods(), checked.channelMethods())
                    .writeTo(this.processingEnv.getFiler());
            resources().addGeneratedIndex(name.canonicalName());
        } catch (IOException ex) {
            diagnostics()
                    .report(
                            Message.SOURCE_NOT_WRITTEN,
                            handler,
                            null,
                            null,
                            name.canonicalName(),
                            handler,
                            ex.getMessage());
        }
    }

    private static boolean refersToMissingTypes(ExecutableElement method) {
        return containsError(method.getReturnType())
                || method.getParameters().stream().anyMatch(parameter -> containsError(parameter.asType()));
    }

    private Elements elements() {
        return requireInitialized(this.elements);
    }

    private Diagnostics diagnostics() {
        return requireInitialized(this.diagnostics);
    }

    private HandlerMethodAnalyzer analyzer() {
        return requireInitialized(this.analyzer);
    }

    private TypedChannels typedChannels() {
        return requireInitialized(this.typedChannels);
    }

    private ContractEntries contractEntries() {
        return requireInitialized(this.contractEntries);
    }

    private HandlerIndexGenerator generator() {
        return requireInitialized(this.generator);
    }

    private AggregateResources resources() {
        return requireInitialized(this.resources);
    }

    private static <T> T requireInitialized(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The processor has not been initialized by javac");
        }
        return value;
    }
}
