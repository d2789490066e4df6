package dev.centrifugo4j.maven;

import dev.centrifugo4j.codegen.ClientGenerator;
import dev.centrifugo4j.codegen.GenerateRequest;
import dev.centrifugo4j.codegen.Language;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn centrifugo:generate}: generates typed clients from the contract the annotation processor
 * wrote into the class output. Bind it to a phase after {@code compile} to run it in every build.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class GenerateMojo extends ContractMojo {

    /** Where the clients go, one folder per language. */
    @Parameter(
            property = "centrifugo.codegen.outputDirectory",
            defaultValue = "${project.build.directory}/generated-clients")
    private File outputDirectory;

    /** The languages, comma-separated ({@code typescript,python,go}), or {@code all}. */
    @Parameter(property = "centrifugo.codegen.languages", defaultValue = "all")
    private String languages;

    /** The npm package name of the TypeScript client. */
    @Parameter(property = "centrifugo.codegen.typescriptPackageName", defaultValue = "${project.artifactId}-client")
    private String typescriptPackageName;

    /**
     * The import name of the Python package; by default the npm package name in snake case
     * ({@code my-app-client} gives {@code my_app_client}).
     */
    @Parameter(property = "centrifugo.codegen.pythonPackageName")
    private String pythonPackageName;

    /**
     * The module path of the Go client, such as {@code example.com/my-app/client}; by default {@code
     * example.com/} and the npm package name ({@code example.com/my-app-client}), a path {@code go get}
     * accepts that never names a published module. The package name is its last element.
     */
    @Parameter(property = "centrifugo.codegen.goModulePath")
    private String goModulePath;

    /**
     * The version of the npm and Python packages, by default the project's: npm gets it as a semantic
     * version ({@code 1.2} gives {@code 1.2.0}), Python as a PEP 440 one ({@code 1.2.0-SNAPSHOT} gives
     * {@code 1.2.0.dev0}).
     */
    @Parameter(property = "centrifugo.codegen.packageVersion", defaultValue = "${project.version}")
    private String packageVersion;

    /** Skips the goal. */
    @Parameter(property = "centrifugo.codegen.skip", defaultValue = "false")
    private boolean skip;

    /** Created by Maven. */
    public GenerateMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (this.skip) {
            getLog().info("Skipping centrifugo:generate");
            return;
        }
        GenerateRequest request;
        if (isAggregator("generate")) {
            return;
        }
        Path contract = contractPath();
        try {
            request = new GenerateRequest(
                    contract,
                    this.outputDirectory.toPath(),
                    Language.parse(this.languages),
                    this.typescriptPackageName,
                    (this.pythonPackageName != null)
                            ? this.pythonPackageName
                            : GenerateRequest.defaultPythonPackageName(this.typescriptPackageName),
                    (this.goModulePath != null)
                            ? this.goModulePath
                            : GenerateRequest.defaultGoModulePath(this.typescriptPackageName),
                    this.packageVersion);
        } catch (IllegalArgumentException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        }
        try {
            List<Path> written = new ClientGenerator().generate(request);
            getLog().info(
                            written.isEmpty()
                                    ? "Clients in " + this.outputDirectory + " are up to date"
                                    : "Wrote " + written.size() + " file(s) to " + this.outputDirectory);
        } catch (InvalidContractException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        } catch (UncheckedIOException ex) {
            throw new MojoExecutionException(ex.getMessage(), ex);
        }
    }
}
