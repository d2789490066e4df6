package dev.centrifugo4j.codegen;

import dev.centrifugo4j.codegen.config.ConfigCommand;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The generator without Maven, for other build tools:
 *
 * <pre>{@code
 * java -cp centrifugo-codegen.jar:<jackson-databind and its dependencies> dev.centrifugo4j.codegen.CodegenMain \
 *     --contract build/classes/java/main/META-INF/centrifugo/contract.json \
 *     --output build/generated-clients --languages typescript,python,go --typescript-package my-app-client \
 *     --python-package my_app_client --go-module example.com/my-app/client --version 1.2.0
 * }</pre>
 *
 * <p>The first argument {@code config} writes the Centrifugo configuration instead, as {@code
 * centrifugo:config} does ({@code CodegenMain config --contract <contract.json> --output <config.json>
 * --app-url http://app:8080}; see {@link ConfigCommand}).
 */
public final class CodegenMain {

    private CodegenMain() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs with the arguments, returns the exit status: 0, 1 for a problem with the input, 2 for bad arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("config")) {
            return ConfigCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Path contract = null;
        Path output = null;
        String languages = "all";
        String packageName = "centrifugo-client";
        String pythonPackage = null;
        String goModule = null;
        String version = GenerateRequest.DEFAULT_VERSION;
        String classpath = "";
        try {
            for (int i = 0; i < args.length; i++) {
                String value = (i + 1 < args.length) ? args[i + 1] : null;
                switch (args[i]) {
                    case "--contract" -> contract = Path.of(require(args[i], value));
                    case "--output" -> output = Path.of(require(args[i], value));
                    case "--languages" -> languages = require(args[i], value);
                    case "--typescript-package" -> packageName = require(args[i], value);
                    case "--python-package" -> pythonPackage = require(args[i], value);
                    case "--go-module" -> goModule = require(args[i], value);
                    case "--version" -> version = require(args[i], value);
                    case "--classpath" -> classpath = require(args[i], value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
                i++;
            }
            if (contract == null || output == null) {
                throw new IllegalArgumentException("--contract and --output are required");
            }
            List<Language> parsedLanguages = Language.parse(languages);
            String python =
                    pythonPackage != null ? pythonPackage : GenerateRequest.defaultPythonPackageName(packageName);
            String go = goModule != null ? goModule : GenerateRequest.defaultGoModulePath(packageName);
            String npm = packageName;
            Path folder = output;
            String packageVersion = version;
            List<Path> written = ContractCollector.withContract(
                    contract,
                    classpath,
                    merged -> new ClientGenerator()
                            .generate(new GenerateRequest(
                                    merged, folder, parsedLanguages, npm, python, go, packageVersion)));
            out.println(
                    written.isEmpty() ? "Clients are up to date" : "Wrote " + written.size() + " file(s) to " + output);
            return 0;
        } catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println("Usage: CodegenMain --contract <contract.json> --output <folder>"
                    + " [--languages typescript,python,go|all] [--typescript-package <npm name>]"
                    + " [--python-package <import name>] [--go-module <module path>]"
                    + " [--version <the application's version, of the npm and Python packages>]"
                    + " [--classpath <the application's class path, to merge its libraries' contracts>]");
            return 2;
        } catch (InvalidContractException ex) {
            err.println(ex.getMessage());
            return 1;
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
