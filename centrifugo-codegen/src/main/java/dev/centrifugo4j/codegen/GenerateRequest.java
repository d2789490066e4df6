package dev.centrifugo4j.codegen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to generate, whoever asks (the Maven goal, {@link CodegenMain}, a test).
 *
 * @param contract the contract file, usually {@code target/classes/META-INF/centrifugo/contract.json}
 * @param outputDirectory where each language gets its own folder ({@code typescript/}, {@code python/}, {@code go/})
 * @param languages the languages, already expanded (no {@code all})
 * @param typescriptPackageName the npm package name of the TypeScript client
 * @param pythonPackageName the import name of the Python package ({@code zoo_client}); its {@code pip}
 *     name is the same with {@code -} for {@code _}
 * @param goModulePath the module path of the Go client ({@code example.com/zoo/client}); the package
 *     name is its last element without the characters Go does not allow
 * @param version the application's version, such as the Maven project version ({@code 1.2.0-SNAPSHOT}):
 *     the version of the npm and Python packages, each written as its package manager wants it
 */
public record GenerateRequest(
        Path contract,
        Path outputDirectory,
        List<Language> languages,
        String typescriptPackageName,
        String pythonPackageName,
        String goModulePath,
        String version) {

    /** The version of the packages when none is given. */
    public static final String DEFAULT_VERSION = "0.0.0";

    public GenerateRequest {
        if (contract == null || outputDirectory == null) {
            throw new IllegalArgumentException("'contract' and 'outputDirectory' must not be null");
        }
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("'languages' must name at least one language");
        }
        if (typescriptPackageName == null
                || !typescriptPackageName.matches("(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*")) {
            throw new IllegalArgumentException(
                    "'typescriptPackageName' must be a valid npm package name, got '" + typescriptPackageName + "'");
        }
        if (pythonPackageName == null || !pythonPackageName.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("'pythonPackageName' must be a Python package name (lower case letters,"
                    + " digits and _, not starting with a digit), got '" + pythonPackageName + "'");
        }
        if (goModulePath == null
                || !goModulePath.matches("[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*")
                || Pattern.compile("(^|/)\\.|\\.(/|$)").matcher(goModulePath).find()
                || goPackageName(goModulePath).isEmpty()) {
            throw new IllegalArgumentException("'goModulePath' must be a Go module path such as example.com/app/client"
                    + " (elements of letters, digits and . _ ~ -, none starting or ending with a dot), got '"
                    + goModulePath + "'");
        }
        PackageVersion.parse(version);
        languages = List.copyOf(languages);
    }

    /** A request for packages of version {@value #DEFAULT_VERSION}. */
    public GenerateRequest(
            Path contract,
            Path outputDirectory,
            List<Language> languages,
            String typescriptPackageName,
            String pythonPackageName,
            String goModulePath) {
        this(
                contract,
                outputDirectory,
                languages,
                typescriptPackageName,
                pythonPackageName,
                goModulePath,
                DEFAULT_VERSION);
    }

    /**
     * A request whose Python package and Go module are named after the npm package, for packages of
     * version {@value #DEFAULT_VERSION}: {@code
     * @acme/zoo-client} gives {@code zoo_client} and {@code zoo-client}.
     */
    public GenerateRequest(
            Path contract, Path outputDirectory, List<Language> languages, String typescriptPackageName) {
        this(
                contract,
                outputDirectory,
                languages,
                typescriptPackageName,
                defaultPythonPackageName(typescriptPackageName),
                defaultGoModulePath(typescriptPackageName),
                DEFAULT_VERSION);
    }

    /** The Python package name derived from a project name: {@code zoo-client} gives {@code zoo_client}. */
    public static String defaultPythonPackageName(String name) {
        String bare = (name == null) ? "" : name.substring(name.indexOf('/') + 1);
        String python = bare.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return (python.isEmpty() || Character.isDigit(python.charAt(0))) ? "client_" + python : python;
    }

    /**
     * The Go module path derived from a project name: {@code zoo-client} gives {@code
     * example.com/zoo-client}, {@code @acme/zoo-client} gives {@code example.com/acme/zoo-client}. Its
     * first element is a domain name, as {@code go get} requires of a module path; {@code example.com}
     * is reserved for examples, so it never names a published module (use the module with a {@code
     * replace} directive or in a workspace, or set your own path to publish it).
     */
    public static String defaultGoModulePath(String name) {
        String bare = (name == null) ? "" : name.replace("@", "").replaceAll("[^A-Za-z0-9._~/-]", "-");
        String path = Arrays.stream(bare.split("/"))
                .map(element -> element.replaceAll("^[.-]+|\\.+$", ""))
                .filter(element -> !element.isEmpty())
                .collect(Collectors.joining("/"));
        return "example.com/" + (path.isEmpty() ? "client" : path);
    }

    /** The name {@code pip} knows the Python package by. */
    public String pythonDistributionName() {
        return this.pythonPackageName.replace('_', '-');
    }

    /** The Go package name: the module path's last element, lower case, letters and digits only. */
    public String goPackageName() {
        return goPackageName(this.goModulePath);
    }

    private static String goPackageName(String modulePath) {
        String last = modulePath.substring(modulePath.lastIndexOf('/') + 1);
        if (last.matches("v[0-9]+") && modulePath.contains("/")) {
            String rest = modulePath.substring(0, modulePath.lastIndexOf('/'));
            last = rest.substring(rest.lastIndexOf('/') + 1);
        }
        String name = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return (!name.isEmpty() && Character.isDigit(name.charAt(0))) ? "client" + name : name;
    }
}
