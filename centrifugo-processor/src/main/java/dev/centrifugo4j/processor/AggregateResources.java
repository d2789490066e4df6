package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.AnnotationMirrors.annotationOf;
import static dev.centrifugo4j.processor.HandlerAnnotations.handlerMethodsOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * The two resources that describe the whole compilation, {@value #INDEX_RESOURCE} (the sorted list
 * of the generated index classes) and {@value ContractWriter#RESOURCE}: collected across rounds and
 * written once all are over.
 *
 * <p>An incremental build compiles only some of the sources, so each file keeps the entries that an
 * earlier compilation left in the class output whose handler class (or publication type) still
 * exists, still carries its annotations and was not compiled again, the way Spring's {@code
 * CandidateComponentsIndexer} does.
 */
final class AggregateResources {

    /**
     * The resource that lists the generated indexes, one class name per line: the runtime's {@code
     * HandlerIndex.INDEX_RESOURCE}, written out because the processor depends on nothing of the
     * runtime (a test holds the two together).
     */
    static final String INDEX_RESOURCE = "META-INF/centrifugo/handler-index";

    private final Filer filer;

    private final Elements elements;

    private final HandlerIndexGenerator generator;

    private final ContractWriter contract;

    private final Diagnostics diagnostics;

    /** The binary names of the handler classes handled in this compilation, generated or not. */
    private final Set<String> compiledHandlers = new LinkedHashSet<>();

    /** The qualified names of the publication types handled in this compilation. */
    private final Set<String> compiledPublications = new LinkedHashSet<>();

    /** The index classes generated in this compilation. */
    private final SortedSet<String> generatedIndexes = new TreeSet<>();

    AggregateResources(
            Filer filer,
            Elements elements,
            HandlerIndexGenerator generator,
            ContractWriter contract,
            Diagnostics diagnostics) {
        this.filer = filer;
        this.elements = elements;
        this.generator = generator;
        this.contract = contract;
        this.diagnostics = diagnostics;
    }

    /** Whether an earlier round of this compilation handled the handler class already. */
    boolean isCompiledHandler(TypeElement handler) {
        return this.compiledHandlers.contains(binaryName(handler));
    }

    /**
     * Notes that this compilation handles the handler class, so that what the earlier files hold for
     * it no longer stands.
     */
    void addCompiledHandler(TypeElement handler) {
        this.compiledHandlers.add(binaryName(handler));
    }

    /**
     * Notes that this compilation handles the publication type, so that what the earlier contract
     * holds for it no longer stands.
     *
     * @return {@code false} when an earlier round handled it already
     */
    boolean addCompiledPublication(TypeElement type) {
        return this.compiledPublications.add(type.getQualifiedName().toString());
    }

    /** Adds the canonical name of a generated index class to {@value #INDEX_RESOURCE}. */
    void addGeneratedIndex(String name) {
        this.generatedIndexes.add(name);
    }

    /** Writes {@value #INDEX_RESOURCE}, unless there is nothing to index now and was nothing before. */
    void writeIndex() {
        SortedSet<String> entries = new TreeSet<>(this.generatedIndexes);
        List<String> previous = readPreviousIndex();
        for (String entry : previous) {
            if (!entries.contains(entry) && isStillValidIndexEntry(entry)) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty() && previous.isEmpty()) {
            // Nothing to index: leave the class output alone, as for a module without handlers.
            return;
        }
        StringBuilder content = new StringBuilder();
        entries.forEach(entry -> content.append(entry).append('\n'));
        write(INDEX_RESOURCE, content.toString(), Message.INDEX_NOT_WRITTEN);
    }

    /** Writes {@value ContractWriter#RESOURCE}, unless there is nothing to describe now and was nothing before. */
    void writeContract() {
        Map<String, Object> previous = readPreviousContract();
        if (this.contract.isEmpty() && previous == null) {
            // Nothing to describe: leave the class output alone, as for a module without handlers.
            return;
        }
        String content = this.contract.render(previous, this::isStillValidHandler, this::isStillValidPublication);
        write(ContractWriter.RESOURCE, content, Message.CONTRACT_NOT_WRITTEN);
    }

    private void write(String resource, String content, Message failure) {
        try {
            FileObject file = this.filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource);
            try (OutputStream out = file.openOutputStream()) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ex) {
            this.diagnostics.report(failure, null, null, null, resource, ex.getMessage());
        }
    }

    /** The entries of the index an earlier (incremental) compilation left in the class output. */
    private List<String> readPreviousIndex() {
        List<String> entries = new ArrayList<>();
        try {
            for (String line : readPrevious(INDEX_RESOURCE).split("\n")) {
                String entry = line.trim();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            // No earlier index (a clean build): there is nothing to merge.
        }
        return entries;
    }

    /** The contract an earlier (incremental) compilation left in the class output, or {@code null}. */
    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> readPreviousContract() {
        try {
            String text = readPrevious(ContractWriter.RESOURCE);
            return (Json.parse(text) instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
        } catch (IOException | IllegalArgumentException ex) {
            // No earlier contract (a clean build), or one that cannot be read: start afresh.
            return null;
        }
    }

    /**
     * A resource an earlier compilation left in the class output, as UTF-8 (the encoding it was
     * written in, whatever the compiler's {@code -encoding}).
     */
    private String readPrevious(String resource) throws IOException {
        FileObject file = this.filer.getResource(StandardLocation.CLASS_OUTPUT, "", resource);
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether an entry of the earlier index still stands: its handler class still stands and the
     * entry is the name of its index.
     */
    private boolean isStillValidIndexEntry(String entry) {
        TypeElement handler = handlerOf(entry);
        return handler != null
                && isStillValid(handler)
                && this.generator.generatedName(handler).canonicalName().equals(entry);
    }

    /** Whether the entries an earlier contract holds for a handler class, by qualified name, still stand. */
    private boolean isStillValidHandler(String qualifiedName) {
        TypeElement handler = this.elements.getTypeElement(qualifiedName);
        return handler != null && isStillValid(handler);
    }

    /**
     * Whether what the earlier files hold for an existing handler class still stands: it was not
     * compiled in this run (which would have regenerated it) and still declares handler methods.
     */
    private boolean isStillValid(TypeElement handler) {
        return !this.compiledHandlers.contains(binaryName(handler))
                && !handlerMethodsOf(handler).isEmpty();
    }

    /**
     * Whether the typed channel an earlier contract holds for a publication type still stands: the
     * type exists, is still annotated and was not compiled in this run.
     */
    private boolean isStillValidPublication(String qualifiedName) {
        TypeElement type = this.elements.getTypeElement(qualifiedName);
        return type != null
                && !this.compiledPublications.contains(qualifiedName)
                && annotationOf(type, HandlerProcessor.CHANNEL_PUBLICATION) != null;
    }

    private String binaryName(TypeElement handler) {
        return this.elements.getBinaryName(handler).toString();
    }

    /**
     * The handler class an index entry was generated for. The nesting path was joined with
     * {@code _}, which class names may contain too, so every split is tried against the types that
     * exist.
     */
    private @Nullable TypeElement handlerOf(String entry) {
        String suffix = HandlerIndexGenerator.CLASS_NAME_SUFFIX;
        int dot = entry.lastIndexOf('.');
        String packageName = (dot >= 0) ? entry.substring(0, dot) : "";
        String simpleName = entry.substring(dot + 1);
        if (!simpleName.endsWith(suffix) || simpleName.length() == suffix.length()) {
            return null;
        }
        List<String> parts = Arrays.asList(
                simpleName.substring(0, simpleName.length() - suffix.length()).split("_", -1));
        return resolve(packageName, null, parts, 0);
    }

    private @Nullable TypeElement resolve(
            String packageName, @Nullable TypeElement outer, List<String> parts, int from) {
        for (int end = from + 1; end <= parts.size(); end++) {
            String name = String.join("_", parts.subList(from, end));
            TypeElement type = (outer == null) ? topLevelType(packageName, name) : memberType(outer, name);
            if (type != null) {
                TypeElement resolved = (end == parts.size()) ? type : resolve(packageName, type, parts, end);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        return null;
    }

    private @Nullable TypeElement topLevelType(String packageName, String name) {
        if (name.isEmpty()) {
            return null;
        }
        return this.elements.getTypeElement(packageName.isEmpty() ? name : packageName + "." + name);
    }

    private static @Nullable TypeElement memberType(TypeElement outer, String name) {
        for (Element member : outer.getEnclosedElements()) {
            if (member instanceof TypeElement type && type.getSimpleName().contentEquals(name)) {
                return type;
            }
        }
        return null;
    }
}
