package dev.centrifugo4j.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A new Spring Boot 4 application outside the reactor, made as a user makes one from the README: a
 * project as start.spring.io makes it (parent {@code spring-boot-starter-parent}, Java 17, the Spring
 * Boot plugin, a main class) plus, verbatim, what the README says to add: the starter dependency, the
 * {@code centrifugo4j-bom} import, the handler files, the properties and, when asked for, the
 * processor's {@code annotationProcessorPaths} (nothing else in the compiler's configuration).
 *
 * <p>The Maven that runs this build builds it, on this build's JDK, with a local repository of its own
 * ({@code target/local-repo}) that {@code invoker:install} filled with this build's artifacts, so it
 * writes nothing into {@code ~/.m2}. The centrifugo4j SNAPSHOTs come from there only; third-party
 * artifacts from there or from this build's local repository, read as a {@code file:} repository
 * (invoker:install resolved what this reactor does not use itself, such as the starter parent and its
 * plugin versions), so the build needs no network, and runs offline when this build does.
 */
final class FreshApplication {

    /** The repository root: the parent of this module's directory. */
    static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize()
            .getParent();

    private static final Path WORK = ROOT.resolve("centrifugo-it/target/fresh-app");

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

    private static final Pattern JAVA_FILE = Pattern.compile("^// (\\w+\\.java)\\n");

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    /** A line of Maven's log about a download from another repository than this build's local one. */
    private static final Pattern NETWORK_DOWNLOAD =
            Pattern.compile("(?m)^\\[INFO] Downloading from (?!build-repository:)");

    private static final Pattern PROPERTY = Pattern.compile("(?m)^([\\w.-]+)=(.*)$");

    /** How the application's {@code maven-compiler-plugin} is configured. */
    enum Compiler {
        /** Not at all: spring-boot-starter-parent's settings, as a new project has them. */
        DEFAULTS,
        /** The README's {@code annotationProcessorPaths}, and nothing else. */
        README_PROCESSOR_PATH
    }

    private final Path directory;

    private final String version;

    private FreshApplication(Path directory, String version) {
        this.directory = directory;
        this.version = version;
    }

    /** The version of the centrifugo4j artifacts this build made. */
    static String version() {
        return required("fresh-app.version");
    }

    /**
     * Writes the application into {@code target/fresh-app/<name>}, replacing what an earlier run left.
     *
     * @param properties the values of the properties the README lists, by name; the test fails when the
     *     README lists one that is not given
     */
    static FreshApplication write(String name, Compiler compiler, Map<String, String> properties) {
        Readme readme = Readme.in(ROOT);
        String starter = readme.block("xml", "<artifactId>centrifugo-spring-boot-starter</artifactId>");
        String bom = readme.block("xml", "<artifactId>centrifugo4j-bom</artifactId>");
        String processorPaths = readme.block("xml", "<annotationProcessorPaths>");
        Matcher readmeVersion = VERSION.matcher(starter);
        assertThat(readmeVersion.find())
                .as("a <version> in the README's starter dependency")
                .isTrue();
        String version = version();

        Path directory = WORK.resolve(name);
        deleteRecursively(directory);
        String compilerPlugin = (compiler == Compiler.DEFAULTS) ? "" : """
                <plugin>
                  <groupId>org.apache.maven.plugins</groupId>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <configuration>
                %s  </configuration>
                </plugin>
                """.formatted(processorPaths.indent(4));
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.example</groupId>
                  <artifactId>fresh-app</artifactId>
                  <version>0.0.1-SNAPSHOT</version>

                  <properties>
                    <java.version>17</java.version>
                  </properties>

                %s
                  <dependencies>
                %s  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-maven-plugin</artifactId>
                      </plugin>
                %s    </plugins>
                  </build>
                </project>
                """.formatted(
                        required("fresh-app.spring-boot.version"),
                        bom.indent(2),
                        starter.indent(4),
                        compilerPlugin.indent(6))
                // The README's snippets name the version of their release; the application uses this build's.
                .replace("<version>" + readmeVersion.group(1) + "</version>", "<version>" + version + "</version>");
        write(directory.resolve("pom.xml"), pom);
        // Its own .mvn, as a new project has, so Maven does not take this repository for its root.
        createDirectories(directory.resolve(".mvn"));

        String packageName = null;
        for (String block : readme.blocks("java")) {
            Matcher file = JAVA_FILE.matcher(block);
            Matcher declaredPackage = PACKAGE.matcher(block);
            if (file.find() && declaredPackage.find()) {
                packageName = declaredPackage.group(1);
                write(sourceDirectory(directory, packageName).resolve(file.group(1)), block);
            }
        }
        assertThat(packageName)
                .as("README java blocks that start with // <Name>.java")
                .isNotNull();
        write(sourceDirectory(directory, packageName).resolve("Application.java"), """
                package %s;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;

                @SpringBootApplication
                public class Application {

                    public static void main(String[] args) {
                        SpringApplication.run(Application.class, args);
                    }
                }
                """.formatted(packageName));

        StringBuilder applicationProperties = new StringBuilder();
        Matcher property = PROPERTY.matcher(readme.block("properties", "centrifugo."));
        while (property.find()) {
            String key = property.group(1);
            assertThat(properties)
                    .as("a value for the README's property %s", key)
                    .containsKey(key);
            applicationProperties
                    .append(key)
                    .append('=')
                    .append(properties.get(key))
                    .append('\n');
        }
        write(directory.resolve("src/main/resources/application.properties"), applicationProperties.toString());
        return new FreshApplication(directory, version);
    }

    Path directory() {
        return this.directory;
    }

    /** The executable jar {@code package} makes. */
    Path jar() {
        return this.directory.resolve("target/fresh-app-0.0.1-SNAPSHOT.jar");
    }

    /** The jar of one of this build's modules, as its module's {@code target} holds it. */
    Path moduleJar(String artifactId) {
        return ROOT.resolve(artifactId).resolve("target").resolve(artifactId + "-" + this.version + ".jar");
    }

    /**
     * Runs {@code mvn package} on the application, with the JDK of this test; fails with the end of the
     * build's log when the build fails.
     */
    void build() {
        Path localRepository = Path.of(required("fresh-app.local-repository"));
        assertThat(localRepository.resolve("dev/centrifugo4j"))
                .as(
                        "the fresh application's local repository, which invoker:install fills before the integration tests")
                .isDirectory();
        Path settings = this.directory.resolve("settings.xml");
        String buildRepository =
                Path.of(required("fresh-app.build-repository")).toUri().toString();
        write(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-repository</id>
                      <activation>
                        <activeByDefault>true</activeByDefault>
                      </activation>
                      <!-- Releases only: the centrifugo4j SNAPSHOTs are the ones in the application's local repository. -->
                      <repositories>
                        <repository>
                          <id>build-repository</id>
                          <url>%1$s</url>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>build-repository</id>
                          <url>%1$s</url>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                </settings>
                """.formatted(buildRepository));
        List<String> command = new ArrayList<>(List.of(
                Path.of(required("fresh-app.maven-home"), "bin", "mvn").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + localRepository));
        if (Boolean.parseBoolean(System.getProperty("fresh-app.offline"))) {
            // Offline like the build that runs this test; the file: repository is on this machine.
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.add("package");
        Path log = this.directory.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(this.directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Short builds: the C1 compiler alone starts Maven faster.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
        int exitCode = run(builder, BUILD_TIMEOUT, log);
        assertThat(exitCode)
                .as("mvn package of %s exited with %d; the end of %s:%n%s", this.directory, exitCode, log, tail(log))
                .isZero();
        assertThat(jar()).isRegularFile();
        assertThat(NETWORK_DOWNLOAD.matcher(read(log)).find())
                .as(
                        "%s downloaded from the network; add what it names to the extraArtifacts of invoker:install in"
                                + " centrifugo-it/pom.xml (the plugin versions spring-boot-starter-parent manages), so that"
                                + " the build works offline:%n%s",
                        log, tail(log))
                .isFalse();
    }

    /** What {@code mvn package} printed. */
    String buildLog() {
        return read(this.directory.resolve("build.log"));
    }

    /**
     * Starts the executable jar with {@code java -jar} (this test's JDK) on a loopback port.
     *
     * @param port the HTTP port
     */
    Running start(int port) {
        Path log = this.directory.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar().toString(),
                        "--server.address=127.0.0.1",
                        "--server.port=" + port)
                .directory(this.directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            return new Running(builder.start(), port, log);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The application's process; closing it stops it. */
    static final class Running implements AutoCloseable {

        private final Process process;

        private final int port;

        private final Path log;

        private Running(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        /** Waits until the application accepts connections; fails, with its log, when it exits first. */
        Running awaitServing() {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(this.process.isAlive())
                        .as("the application exited with %s before it served; its log:%n%s", exitValue(), log())
                        .isTrue();
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
                    return this;
                } catch (IOException notYet) {
                    sleep(Duration.ofMillis(100));
                }
            }
            throw new AssertionError("the application did not serve within " + START_TIMEOUT + "; its log:\n" + log());
        }

        /** Waits until the application exits, and returns its exit code. */
        int awaitExit() {
            try {
                assertThat(this.process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the application exited within %s; its log:%n%s", START_TIMEOUT, log())
                        .isTrue();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
            return this.process.exitValue();
        }

        /** What the application printed so far. */
        String log() {
            return read(this.log);
        }

        private String exitValue() {
            return this.process.isAlive() ? "(running)" : String.valueOf(this.process.exitValue());
        }

        @Override
        public void close() {
            this.process.destroy();
            try {
                if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
                    this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ex) {
                this.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int run(ProcessBuilder builder, Duration timeout, Path log) {
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(
                        String.join(" ", builder.command()) + " did not finish within " + timeout + ":\n" + tail(log));
            }
            return process.exitValue();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s, which the build sets (run: ./mvnw verify -pl centrifugo-it -am)", name)
                .isNotBlank();
        return value;
    }

    private static Path sourceDirectory(Path directory, String packageName) {
        return directory.resolve("src/main/java").resolve(packageName.replace('.', '/'));
    }

    private static String tail(Path log) {
        List<String> lines = read(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(Path file, String text) {
        createDirectories(file.getParent());
        try {
            Files.writeString(file, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
