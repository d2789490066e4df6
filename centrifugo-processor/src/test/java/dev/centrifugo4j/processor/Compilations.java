package dev.centrifugo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.centrifugo4j.spi.HandlerIndex;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * What the processor's tests share: compiling fixtures with the {@link HandlerProcessor} in memory
 * (google compile-testing) or into a directory (javac, as an incremental build does), reading what a
 * compilation produced, comparing it with a golden file and loading the generated classes.
 */
final class Compilations {

    private Compilations() {}

    /** Compiles fixtures, resources on the test class path such as {@code processor/valid/...java}. */
    static Compilation compile(String... resources) {
        return compile(List.of(), resources);
    }

    /** Compiles fixtures with javac options, for example {@code -Werror}. */
    static Compilation compile(List<String> options, String... resources) {
        return javac().withProcessors(new HandlerProcessor())
                .withOptions(options)
                .compile(Arrays.stream(resources)
                        .map(JavaFileObjects::forResource)
                        .toList());
    }

    /** Compiles sources given as text ({@link JavaFileObjects#forSourceString}). */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new HandlerProcessor()).compile(sources);
    }

    /** Compiles a fixture that must not compile. */
    static Compilation compileFailing(String resource) {
        Compilation compilation = compile(resource);
        assertThat(compilation).failed();
        return compilation;
    }

    /** The text of a resource on the test class path; fails when there is none. */
    static String resource(String name) throws IOException {
        try (InputStream in = Compilations.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The text of a file a compilation read or wrote. */
    static String contents(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The source the processor generated for a class. */
    static String generatedSource(Compilation compilation, String className) {
        return contents(compilation.generatedSourceFile(className).orElseThrow());
    }

    /** Every source the processor generated, by file name. */
    static Map<String, String> generatedSources(Compilation compilation) {
        return compilation.generatedSourceFiles().stream()
                .collect(Collectors.toMap(JavaFileObject::getName, Compilations::contents));
    }

    /** A resource the processor wrote into the class output, such as the handler index or the contract. */
    static String generatedResource(Compilation compilation, String name) {
        return contents(
                compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name).orElseThrow());
    }

    /**
     * Compares generated text with a golden file of {@code src/test/resources}; {@code
     * -Dgolden.update=true} rewrites the golden file from the text first, to review in the diff.
     *
     * @param golden the golden file, as a resource name such as {@code processor/golden/...}
     */
    static void assertMatchesGolden(String generated, String golden) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources").resolve(golden), generated);
        }
        assertThat(generated).isEqualTo(resource(golden));
    }

    /**
     * A real javac run with a class output directory on disk, as in an incremental build: compiles
     * fixtures of {@code processor/incremental/} into {@code classes}, with them on the class path.
     */
    static void compileInto(Path classes, String... fixtures) throws IOException, URISyntaxException {
        compileInto(classes, List.of(), fixtures);
    }

    /** The same with javac options, for example {@code -encoding}. */
    static void compileInto(Path classes, List<String> options, String... fixtures)
            throws IOException, URISyntaxException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // As javac's own launcher does, the file manager reads in the -encoding of the options.
        int encoding = options.indexOf("-encoding");
        Charset charset = (encoding >= 0) ? Charset.forName(options.get(encoding + 1)) : StandardCharsets.UTF_8;
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, charset)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(classes.toFile()));
            List<File> classPath = new ArrayList<>();
            classPath.add(classes.toFile());
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                classPath.add(new File(entry));
            }
            files.setLocation(StandardLocation.CLASS_PATH, classPath);
            List<File> sources = new ArrayList<>();
            for (String fixture : fixtures) {
                URL source =
                        Compilations.class.getClassLoader().getResource("processor/incremental/" + fixture + ".java");
                sources.add(Path.of(source.toURI()).toFile());
            }
            JavaCompiler.CompilationTask task = compiler.getTask(
                    null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources));
            task.setProcessors(List.of(new HandlerProcessor()));
            Boolean success = task.call();
            assertThat(success)
                    .as(() -> diagnostics.getDiagnostics().stream()
                            .map(Function.<Diagnostic<?>>identity().andThen(Object::toString))
                            .collect(Collectors.joining("\n")))
                    .isTrue();
        }
    }

    /** A new instance of a generated handler index of a compilation. */
    static HandlerIndex loadIndex(Compilation compilation, String className) throws Exception {
        return loadIndex(new CompiledClassLoader(compilation), className);
    }

    /** A new instance of a generated handler index from the given classes. */
    static HandlerIndex loadIndex(ClassLoader classes, String className) throws Exception {
        return (HandlerIndex) classes.loadClass(className).getConstructor().newInstance();
    }

    /** Loads the classes a compile-testing compilation produced in memory. */
    static final class CompiledClassLoader extends ClassLoader {

        private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

        private final Map<String, byte[]> bytecode = new HashMap<>();

        CompiledClassLoader(Compilation compilation) throws IOException {
            super(Compilations.class.getClassLoader());
            for (JavaFileObject file : compilation.generatedFiles()) {
                String path = file.toUri().getPath();
                if (file.getKind() == JavaFileObject.Kind.CLASS && path.startsWith(CLASS_OUTPUT)) {
                    String name = path.substring(CLASS_OUTPUT.length(), path.length() - ".class".length())
                            .replace('/', '.');
                    try (InputStream in = file.openInputStream()) {
                        this.bytecode.put(name, in.readAllBytes());
                    }
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = this.bytecode.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
