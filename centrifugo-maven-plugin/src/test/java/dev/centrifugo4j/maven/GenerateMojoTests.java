package dev.centrifugo4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mojo with its parameters set as Maven would set them (the maven-invoker scenarios are still to come). */
class GenerateMojoTests {

    private static GenerateMojo mojo(File contract, File output, String languages, String packageName)
            throws ReflectiveOperationException {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "contract", contract);
        set(mojo, "outputDirectory", output);
        set(mojo, "languages", languages);
        set(mojo, "typescriptPackageName", packageName);
        set(mojo, "packageVersion", "2.1.0-SNAPSHOT");
        return mojo;
    }

    private static void set(GenerateMojo mojo, String name, Object value) throws ReflectiveOperationException {
        MojoFields.set(mojo, name, value);
    }

    @Test
    void writesTheClientsIntoTheirFoldersWithTheProjectsVersion(@TempDir Path output) throws Exception {
        mojo(Fixtures.file("zoo-contract.json"), output.toFile(), "all", "zoo-client")
                .execute();

        assertThat(output.resolve("typescript/index.js")).exists();
        assertThat(output.resolve("typescript/index.d.ts")).exists();
        assertThat(Files.readString(output.resolve("typescript/package.json")))
                .contains("\"name\": \"zoo-client\"")
                .contains("\"version\": \"2.1.0-SNAPSHOT\"");
        assertThat(Files.readString(output.resolve("python/pyproject.toml"))).contains("version = \"2.1.0.dev0\"");
    }

    @Test
    void failsWithAMessageTheUserCanActOnWhenTheVersionIsNoVersion(@TempDir Path output) throws Exception {
        GenerateMojo mojo = mojo(Fixtures.file("zoo-contract.json"), output.toFile(), "all", "zoo-client");
        set(mojo, "packageVersion", "next");

        assertThatExceptionOfType(MojoFailureException.class)
                .isThrownBy(mojo::execute)
                .withMessageContaining("'version' must start with a number");
    }

    @Test
    void failsWithAMessageTheUserCanActOnWhenTheContractIsMissing(@TempDir Path output) throws Exception {
        GenerateMojo mojo = mojo(output.resolve("none.json").toFile(), output.toFile(), "all", "zoo-client");

        assertThatExceptionOfType(MojoFailureException.class)
                .isThrownBy(mojo::execute)
                .withMessageContaining("compile the application first");
    }

    @Test
    void failsOnAnUnknownLanguageOrAnInvalidPackageName(@TempDir Path output) throws Exception {
        File contract = Fixtures.file("zoo-contract.json");

        assertThatExceptionOfType(MojoFailureException.class)
                .isThrownBy(mojo(contract, output.toFile(), "python,cobol", "zoo-client")::execute)
                .withMessageContaining("Unknown language 'cobol'");
        assertThatExceptionOfType(MojoFailureException.class)
                .isThrownBy(mojo(contract, output.toFile(), "all", "Not Valid")::execute)
                .withMessageContaining("valid npm package name");
    }

    @Test
    void doesNothingWhenSkipped(@TempDir Path output) throws Exception {
        GenerateMojo mojo = mojo(output.resolve("none.json").toFile(), output.toFile(), "all", "zoo-client");
        set(mojo, "skip", true);

        mojo.execute();

        assertThat(output).isEmptyDirectory();
    }
}
