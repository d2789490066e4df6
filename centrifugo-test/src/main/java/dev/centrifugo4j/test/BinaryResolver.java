package dev.centrifugo4j.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the Centrifugo binary. The order is: an explicit path, the {@value #SYSTEM_PROPERTY}
 * system property, the {@value #ENV_VARIABLE} environment variable, {@code centrifugo} on the
 * {@code PATH}, and finally the project cache that {@value #SETUP_COMMAND} fills. Everything it
 * reads is passed in, so the order can be tested without touching the real environment.
 */
final class BinaryResolver {

    static final String CENTRIFUGO_VERSION = "6.9.1";

    static final String ENV_VARIABLE = "CENTRIFUGO_BIN";

    static final String SYSTEM_PROPERTY = "centrifugo.bin";

    static final String CACHE_ENV_VARIABLE = "CENTRIFUGO4J_CACHE";

    static final String SETUP_COMMAND = "scripts/install-centrifugo";

    private static final String BINARY_NAME = "centrifugo";

    private final Map<String, String> environment;

    private final @Nullable String systemProperty;

    private final Path userHome;

    BinaryResolver(Map<String, String> environment, @Nullable String systemProperty, Path userHome) {
        this.environment = Map.copyOf(environment);
        this.systemProperty = systemProperty;
        this.userHome = userHome;
    }

    /** A resolver that reads this JVM's environment, system properties and home directory. */
    static BinaryResolver fromRuntime() {
        return new BinaryResolver(
                System.getenv(), System.getProperty(SYSTEM_PROPERTY), Path.of(System.getProperty("user.home")));
    }

    /**
     * Resolves the binary to run.
     *
     * @param explicit the path given to the builder, if any
     * @return the binary and where it was found
     * @throws IllegalStateException when no binary exists, naming the setup command
     */
    Resolved resolve(@Nullable Path explicit) {
        if (explicit != null) {
            return requireExecutable(explicit, "binary(...)");
        }
        if (isSet(this.systemProperty)) {
            return requireExecutable(toPath(this.systemProperty, "-D" + SYSTEM_PROPERTY), "-D" + SYSTEM_PROPERTY);
        }
        String fromEnvironment = this.environment.get(ENV_VARIABLE);
        if (isSet(fromEnvironment)) {
            return requireExecutable(toPath(fromEnvironment, ENV_VARIABLE), ENV_VARIABLE);
        }
        Resolved onPath = findOnPath();
        if (onPath != null) {
            return onPath;
        }
        Path cached = cachedBinary();
        if (isExecutable(cached)) {
            return new Resolved(cached, "the project cache");
        }
        throw new IllegalStateException("No Centrifugo binary found: " + ENV_VARIABLE + " is not set, '"
                + BINARY_NAME + "' is not on the PATH and " + cached + " does not exist. "
                + setupAdvice());
    }

    /**
     * Where {@value #SETUP_COMMAND} installs the binary: {@code
     * ${CENTRIFUGO4J_CACHE:-~/.cache/centrifugo4j}/centrifugo-6.9.1/centrifugo}.
     */
    Path cachedBinary() {
        String cacheRoot = this.environment.get(CACHE_ENV_VARIABLE);
        Path root = isSet(cacheRoot)
                ? toPath(cacheRoot, CACHE_ENV_VARIABLE)
                : this.userHome.resolve(".cache").resolve("centrifugo4j");
        return root.resolve("centrifugo-" + CENTRIFUGO_VERSION).resolve(BINARY_NAME);
    }

    private @Nullable Resolved findOnPath() {
        String path = this.environment.get("PATH");
        if (!isSet(path)) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : new String[] {BINARY_NAME, BINARY_NAME + ".exe"}) {
                Path candidate;
                try {
                    candidate = Path.of(directory, name);
                } catch (InvalidPathException ex) {
                    continue;
                }
                if (isExecutable(candidate)) {
                    return new Resolved(candidate, "PATH");
                }
            }
        }
        return null;
    }

    private Resolved requireExecutable(Path binary, String source) {
        if (!isExecutable(binary)) {
            throw new IllegalStateException("The Centrifugo binary " + binary + " (from " + source
                    + ") does not exist or is not executable. " + setupAdvice());
        }
        return new Resolved(binary, source);
    }

    private String setupAdvice() {
        return "Run " + SETUP_COMMAND + " to build Centrifugo " + CENTRIFUGO_VERSION + " into " + cachedBinary()
                + " (needs Go 1.26+), or set " + ENV_VARIABLE + " to the path of an existing centrifugo binary.";
    }

    private static Path toPath(String value, String source) {
        try {
            return Path.of(value);
        } catch (InvalidPathException ex) {
            throw new IllegalStateException("'" + value + "' from " + source + " is not a valid path", ex);
        }
    }

    private static boolean isExecutable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** A binary and where it was found, for the log. */
    record Resolved(Path path, String source) {}
}
