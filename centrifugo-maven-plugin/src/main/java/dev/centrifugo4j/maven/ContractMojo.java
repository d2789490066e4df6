package dev.centrifugo4j.maven;

import dev.centrifugo4j.codegen.ContractCollector;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What both goals read: the application's contract, merged with the contracts of the libraries on
 * its class path that bring handlers of their own (the server merges them the same way for {@code
 * system.contract}).
 */
abstract class ContractMojo extends AbstractMojo {

    /** The contract the annotation processor wrote. */
    @Parameter(
            property = "centrifugo.codegen.contract",
            defaultValue = "${project.build.outputDirectory}/META-INF/centrifugo/contract.json")
    private File contract;

    /**
     * Whether the contracts of the dependencies ({@code META-INF/centrifugo/contract.json} in their
     * jars) are merged into the application's: their handlers are served by the application too.
     */
    @Parameter(property = "centrifugo.codegen.includeDependencies", defaultValue = "true")
    private boolean includeDependencies;

    /** The class path the application compiles with. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    private List<String> compileClasspath;

    /** The class path the application runs with. */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    private List<String> runtimeClasspath;

    /** Where the merged contract goes when there are several. */
    @Parameter(defaultValue = "${project.build.directory}/centrifugo/contract.json", readonly = true)
    private File mergedContract;

    /** The project's packaging. */
    @Parameter(defaultValue = "${project.packaging}", readonly = true)
    private String packaging;

    /**
     * Whether the project is an aggregator or parent ({@code pom} packaging): it has no classes, so a
     * goal run from the root of a multi-module build leaves it alone and works on the modules.
     */
    final boolean isAggregator(String goal) {
        if ("pom".equals(this.packaging)) {
            getLog().info("Skipping centrifugo:" + goal + " for a project with pom packaging");
            return true;
        }
        return false;
    }

    /** The contract to generate from: the application's, or the merged one when libraries bring theirs. */
    final Path contractPath() throws MojoFailureException {
        if (!this.includeDependencies) {
            return this.contract.toPath();
        }
        List<Path> classpath = new ArrayList<>();
        this.compileClasspath.forEach(entry -> classpath.add(Path.of(entry)));
        this.runtimeClasspath.forEach(entry -> classpath.add(Path.of(entry)));
        Path resolved;
        try {
            resolved = ContractCollector.resolve(this.contract.toPath(), classpath, this.mergedContract.toPath());
        } catch (InvalidContractException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        }
        if (!resolved.equals(this.contract.toPath())) {
            getLog().info("Merged the contracts of the application and its dependencies into " + resolved);
        }
        return resolved;
    }
}
