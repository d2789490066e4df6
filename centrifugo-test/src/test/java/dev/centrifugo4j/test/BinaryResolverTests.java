package dev.centrifugo4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryResolverTests {

    @TempDir
    Path temp;

    @Test
    void usesTheExplicitPathBeforeAnythingElse() throws IOException {
        Path explicit = executable("explicit/centrifugo");
        Path fromEnvironment = executable("env/centrifugo");
        BinaryResolver resolver = resolver(Map.of("CENTRIFUGO_BIN", fromEnvironment.toString()), null);

        assertThat(resolver.resolve(explicit).path()).isEqualTo(explicit);
    }

    @Test
    void failsNamingTheSetupCommandWhenTheExplicitPathDoesNotExist() {
        assertThatIllegalStateException()
                .isThrownBy(() -> resolver(Map.of(), null).resolve(Path.of("/nonexistent")))
                .withMessageContaining("/nonexistent")
                .withMessageContaining("scripts/install-centrifugo")
                .withMessageContaining("CENTRIFUGO_BIN");
    }

    @Test
    void prefersTheSystemPropertyOverTheEnvironmentVariable() throws IOException {
        Path fromProperty = executable("property/centrifugo");
        Path fromEnvironment = executable("env/centrifugo");
        BinaryResolver resolver =
                resolver(Map.of("CENTRIFUGO_BIN", fromEnvironment.toString()), fromProperty.toString());

        assertThat(resolver.resolve(null)).isEqualTo(new BinaryResolver.Resolved(fromProperty, "-Dcentrifugo.bin"));
    }

    @Test
    void usesCentrifugoBinBeforeThePath() throws IOException {
        Path fromEnvironment = executable("env/centrifugo");
        Path onPath = executable("bin/centrifugo");
        BinaryResolver resolver = resolver(
                Map.of(
                        "CENTRIFUGO_BIN",
                        fromEnvironment.toString(),
                        "PATH",
                        onPath.getParent().toString()),
                null);

        assertThat(resolver.resolve(null)).isEqualTo(new BinaryResolver.Resolved(fromEnvironment, "CENTRIFUGO_BIN"));
    }

    @Test
    void doesNotFallBackWhenCentrifugoBinPointsNowhere() throws IOException {
        Path onPath = executable("bin/centrifugo");
        BinaryResolver resolver = resolver(
                Map.of(
                        "CENTRIFUGO_BIN",
                        "/nonexistent/centrifugo",
                        "PATH",
                        onPath.getParent().toString()),
                null);

        assertThatIllegalStateException()
                .isThrownBy(() -> resolver.resolve(null))
                .withMessageContaining("/nonexistent/centrifugo (from CENTRIFUGO_BIN)")
                .withMessageContaining("scripts/install-centrifugo");
    }

    @Test
    void findsTheFirstExecutableCentrifugoOnThePath() throws IOException {
        Path notExecutable = Files.createDirectories(this.temp.resolve("plain")).resolve("centrifugo");
        Files.writeString(notExecutable, "");
        Path onPath = executable("bin/centrifugo");
        String path = String.join(
                File.pathSeparator,
                this.temp.resolve("missing").toString(),
                notExecutable.getParent().toString(),
                onPath.getParent().toString());

        assertThat(resolver(Map.of("PATH", path), null).resolve(null))
                .isEqualTo(new BinaryResolver.Resolved(onPath, "PATH"));
    }

    @Test
    void fallsBackToTheProjectCacheUnderTheHomeDirectory() throws IOException {
        Path cached = executable("home/.cache/centrifugo4j/centrifugo-6.9.1/centrifugo");

        assertThat(resolver(Map.of("PATH", this.temp.resolve("empty").toString()), null)
                        .resolve(null))
                .isEqualTo(new BinaryResolver.Resolved(cached, "the project cache"));
    }

    @Test
    void honoursCentrifugo4jCacheForTheCacheFolder() throws IOException {
        Path cached = executable("elsewhere/centrifugo-6.9.1/centrifugo");
        BinaryResolver resolver = resolver(
                Map.of("CENTRIFUGO4J_CACHE", this.temp.resolve("elsewhere").toString()), null);

        assertThat(resolver.cachedBinary()).isEqualTo(cached);
        assertThat(resolver.resolve(null).path()).isEqualTo(cached);
    }

    @Test
    void failsNamingTheSetupCommandAndCentrifugoBinWhenNothingIsFound() {
        BinaryResolver resolver = resolver(Map.of("PATH", this.temp.toString()), null);

        assertThatIllegalStateException()
                .isThrownBy(() -> resolver.resolve(null))
                .withMessageContaining("No Centrifugo binary found")
                .withMessageContaining("scripts/install-centrifugo")
                .withMessageContaining("CENTRIFUGO_BIN")
                .withMessageContaining(resolver.cachedBinary().toString());
    }

    private BinaryResolver resolver(Map<String, String> environment, @Nullable String systemProperty) {
        return new BinaryResolver(new HashMap<>(environment), systemProperty, this.temp.resolve("home"));
    }

    private Path executable(String relativePath) throws IOException {
        Path file = this.temp.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
