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

    /** The type zoo\'s contract and golden files, kept with the generators they were written for. */
    private static final String CODEGEN_TEST_RESOURCES = "../centrifugo-codegen/src/test/resources/";

    private static GenerateMojo mojo(File contract, File output, String languages, String packageName)
            throws ReflectiveOperationException {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "contract", contract);
        set(mojo, "outputDirectory", output);
        set(mojo, "languages", languages);
        set(mojo, "typescriptPackageName", packageName);
        return mojo;
    }

    private static void set(GenerateMojo mojo, String name, Object value) throws ReflectiveOperationException {
        MojoFields.set(mojo, name, value);
    }

    @Test
    void writesTheTypeScriptClientIntoItsFolder(@TempDir Path output) throws Exception {
        mojo(new File(CODEGEN_TEST_RESOURCES + "zoo-contract.json"), output.toFile(), "all", "zoo-client")
                .execute();

        assertThat(output.resolve("typescript/src/index.ts")).exists();
        assertThat(Files.readString(output.resolve("typescript/package.json"))).contains("\"name\": \"zoo-client\"");
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
        File contract = new File(CODEGEN_TEST_RESOURCES + "zoo-contract.json");

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
