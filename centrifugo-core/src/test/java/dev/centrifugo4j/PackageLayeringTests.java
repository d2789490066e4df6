package dev.centrifugo4j;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.centrifugo4j.proxy.ProxyContext;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packages of centrifugo-core, read from its compiled classes: no cycle between any two, and
 * the layers of docs/architecture.md, from the bottom: {@code json} and {@code proxy}; the
 * user-facing {@code rpc}, {@code channel} and {@code connect}; {@code spi}, which generated code
 * implements; {@code dispatch}, the machinery. The publisher ({@code api}, {@code token}) stands
 * beside them and uses none of the proxy machinery.
 */
class PackageLayeringTests {

    private static final JavaClasses classes = new ClassFileImporter().importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(ProxyContext.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void readsTheClassesOfEveryPackage() {
        assertThat(classes.stream().map((type) -> type.getPackageName()).distinct())
                .contains(
                        "dev.centrifugo4j.api",
                        "dev.centrifugo4j.channel",
                        "dev.centrifugo4j.connect",
                        "dev.centrifugo4j.dispatch",
                        "dev.centrifugo4j.json",
                        "dev.centrifugo4j.proxy",
                        "dev.centrifugo4j.rpc",
                        "dev.centrifugo4j.spi",
                        "dev.centrifugo4j.token");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.centrifugo4j.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("json")
                .definedBy("dev.centrifugo4j.json..")
                .layer("proxy")
                .definedBy("dev.centrifugo4j.proxy..")
                .layer("handlers")
                .definedBy("dev.centrifugo4j.rpc..", "dev.centrifugo4j.channel..", "dev.centrifugo4j.connect..")
                .layer("spi")
                .definedBy("dev.centrifugo4j.spi..")
                .layer("dispatch")
                .definedBy("dev.centrifugo4j.dispatch..")
                .layer("publisher")
                .definedBy("dev.centrifugo4j.api..", "dev.centrifugo4j.token..")
                .whereLayer("dispatch")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("spi")
                .mayOnlyBeAccessedByLayers("dispatch")
                .whereLayer("handlers")
                .mayOnlyBeAccessedByLayers("spi", "dispatch", "publisher")
                .whereLayer("proxy")
                .mayOnlyBeAccessedByLayers("handlers", "spi", "dispatch")
                .whereLayer("json")
                .mayOnlyBeAccessedByLayers("dispatch", "publisher")
                .check(classes);
    }
}
