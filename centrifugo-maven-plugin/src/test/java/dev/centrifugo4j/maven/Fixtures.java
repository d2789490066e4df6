package dev.centrifugo4j.maven;

import java.io.File;
import java.nio.file.Path;

/** The contracts and golden files of the generator's own tests, read from there rather than copied. */
final class Fixtures {

    private static final Path CODEGEN_TEST_RESOURCES = Path.of("../centrifugo-codegen/src/test/resources");

    private Fixtures() {}

    static File file(String name) {
        return path(name).toFile();
    }

    static Path path(String name) {
        return CODEGEN_TEST_RESOURCES.resolve(name);
    }
}
