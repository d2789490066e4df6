package dev.centrifugo4j.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a release publishes, read from the jars the build just made: every published module (one
 * that is installed) is managed by the BOM and ships a sources and a javadoc jar, each jar carries
 * the licence, the runtime holds no annotation processor and the processor is marked as one.
 *
 * <p>Runs after the published modules in the reactor ({@code ./mvnw verify} from the root), so their
 * jars are in their {@code target} folders.
 */
class ReleaseShapeTests {

    /** The repository root: the parent of this module's directory. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize()
            .getParent();

    private static final String BOM = "centrifugo4j-bom";

    private static String version;

    /** The directory of every published module, by artifact id. */
    private static final Map<String, Path> published = new LinkedHashMap<>();

    @BeforeAll
    static void readTheReactor() throws Exception {
        Document root = pom(ROOT);
        version = child(root.getDocumentElement(), "version");
        NodeList modules = root.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            Element project = pom(ROOT.resolve(module)).getDocumentElement();
            String artifactId = child(project, "artifactId");
            boolean installed = !"true".equals(property(project, "maven.install.skip"));
            if (installed && !artifactId.equals(BOM)) {
                published.put(artifactId, ROOT.resolve(module));
            }
        }
    }

    @Test
    void theBomManagesEveryPublishedModuleAndNothingElse() throws Exception {
        Element bom = pom(ROOT.resolve(BOM)).getDocumentElement();
        NodeList managed = bom.getElementsByTagName("dependency");
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < managed.getLength(); i++) {
            Element dependency = (Element) managed.item(i);
            assertThat(child(dependency, "groupId")).isEqualTo("dev.centrifugo4j");
            assertThat(resolved(bom, child(dependency, "version"))).isEqualTo(version);
            artifacts.add(child(dependency, "artifactId"));
        }

        assertThat(published.keySet())
                .contains(
                        "centrifugo-contract",
                        "centrifugo-core",
                        "centrifugo-processor",
                        "centrifugo-spring-boot-starter",
                        "centrifugo-maven-plugin");
        assertThat(artifacts).containsExactlyInAnyOrderElementsOf(published.keySet());
        assertThat(child(bom, "version")).isEqualTo(version);
    }

    @Test
    void everyPublishedModuleShipsItsClassesSourcesAndJavadocWithTheLicence() throws IOException {
        for (String artifactId : published.keySet()) {
            for (String classifier : List.of("", "-sources", "-javadoc")) {
                try (JarFile jar = jar(artifactId, classifier)) {
                    assertThat(jar.getEntry("META-INF/LICENSE"))
                            .as("META-INF/LICENSE in %s", jar.getName())
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void theRuntimeHoldsNoAnnotationProcessor() throws IOException {
        try (JarFile core = jar("centrifugo-core", "")) {
            assertThat(core.stream().map(ZipEntry::getName))
                    .isNotEmpty()
                    .noneMatch(name -> name.startsWith("dev/centrifugo4j/processor/"))
                    .noneMatch(name -> name.equals("META-INF/services/javax.annotation.processing.Processor"))
                    .noneMatch(name -> name.startsWith("META-INF/gradle/"));
        }
    }

    @Test
    void theProcessorIsMarkedForBootsRepackagingAndGradlesIncrementalBuild() throws IOException {
        try (JarFile processor = jar("centrifugo-processor", "")) {
            Manifest manifest = processor.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Spring-Boot-Jar-Type"))
                    .isEqualTo("annotation-processor");
            assertThat(text(processor, "META-INF/services/javax.annotation.processing.Processor"))
                    .isEqualToIgnoringNewLines("dev.centrifugo4j.processor.HandlerProcessor");
            assertThat(text(processor, "META-INF/gradle/incremental.annotation.processors"))
                    .isEqualToIgnoringNewLines("dev.centrifugo4j.processor.HandlerProcessor,aggregating");
            // JavaPoet is shaded into a package of the processor's own, so it cannot clash with the application's.
            assertThat(processor.stream().map(ZipEntry::getName))
                    .noneMatch(name -> name.startsWith("com/palantir/"))
                    .anyMatch(name -> name.endsWith("/javapoet/JavaFile.class"));
        }
    }

    private static JarFile jar(String artifactId, String classifier) throws IOException {
        Path file =
                published.get(artifactId).resolve("target").resolve(artifactId + "-" + version + classifier + ".jar");
        assertThat(file)
                .as("%s: build the whole reactor first (./mvnw verify from the repository root)", file)
                .isRegularFile();
        return new JarFile(file.toFile());
    }

    private static String text(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as("%s in %s", name, jar.getName()).isNotNull();
        return new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Document pom(Path directory) throws Exception {
        Path file = directory.resolve("pom.xml");
        assertThat(Files.isRegularFile(file)).as(file.toString()).isTrue();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The text of a direct child element, or {@code null}. */
    private static String child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    /** The value with a {@code ${property}} of the project replaced by the property's value. */
    private static String resolved(Element project, String value) {
        if (value != null && value.startsWith("${") && value.endsWith("}")) {
            return property(project, value.substring(2, value.length() - 1));
        }
        return value;
    }

    private static String property(Element project, String name) {
        for (var node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("properties")) {
                return child(element, name);
            }
        }
        return null;
    }
}
