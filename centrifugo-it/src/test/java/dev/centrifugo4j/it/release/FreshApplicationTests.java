package dev.centrifugo4j.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.it.release.FreshApplication.Compiler;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The release as a user meets it: a new Spring Boot 4 application made from the README (see {@link
 * FreshApplication}), built by Maven outside the reactor against this build's artifacts, started with
 * {@code java -jar} and called through a real Centrifugo, configured as the README shows, with the
 * official JavaScript SDK.
 *
 * <p>Each test checks what the README promises for the JDK this build runs on ({@code scripts/test}
 * runs the build on JDK 17 and again on JDK 25, so both are covered; running both JDKs in each build
 * would only add builds of the same application): on JDK 17 to 22 the processor comes with the starter
 * and runs with the default compiler settings; on JDK 23 and later it runs when the README's {@code
 * annotationProcessorPaths} names it, and without that the application refuses to start and says what
 * to add.
 *
 * <p>Runs with failsafe after {@code invoker:install} has filled the application's local repository.
 */
class FreshApplicationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String PROXY_SECRET = randomSecret();

    private static final String HMAC_SECRET = randomSecret();

    /** The values of the properties the README lists, by name. */
    private static final Map<String, String> PROPERTIES =
            Map.of("centrifugo.token.hmac-secret", HMAC_SECRET, "centrifugo.proxy.secret", PROXY_SECRET);

    private static final Path CLIENT = FreshApplication.ROOT.resolve("centrifugo-it/client");

    private static final String HANDLER_INDEX = "META-INF/centrifugo/handler-index";

    @Test
    @EnabledForJreRange(maxVersion = 22)
    void onJdk17To22TheDefaultCompilerSettingsRunTheProcessorAndTheApplicationServesItsHandler() throws IOException {
        servesSystemPingThroughCentrifugo("default-compiler", Compiler.DEFAULTS);
    }

    @Test
    @EnabledForJreRange(minVersion = 23)
    void onJdk23AndLaterTheReadmesAnnotationProcessorPathsRunTheProcessorAndTheApplicationServesItsHandler()
            throws IOException {
        FreshApplication application =
                servesSystemPingThroughCentrifugo("readme-processor-path", Compiler.README_PROCESSOR_PATH);
        String pom = Files.readString(application.directory().resolve("pom.xml"));
        assertThat(pom).contains("<annotationProcessorPaths>").doesNotContain("<proc>");
    }

    @Test
    @EnabledForJreRange(minVersion = 23)
    void onJdk23AndLaterWithoutTheProcessorPathTheApplicationRefusesToStartAndNamesTheProcessor() throws IOException {
        FreshApplication application = FreshApplication.write("no-processor-path", Compiler.DEFAULTS, PROPERTIES);
        application.build();
        assertPackagedFromThisBuild(application, false);

        try (FreshApplication.Running running = application.start(CentrifugoServer.freePort())) {
            assertThat(running.awaitExit()).isNotZero();
            assertThat(running.log())
                    .contains("APPLICATION FAILED TO START")
                    .contains("com.example.app.SystemHandlers.ping(RpcContext, PingParams)")
                    .contains("dev.centrifugo4j:centrifugo-processor")
                    .contains("<annotationProcessorPaths>");
        }
    }

    /**
     * Builds the application, checks its jar and calls {@code system.ping} through Centrifugo: a valid
     * message is echoed, a blank one fails validation.
     */
    private static FreshApplication servesSystemPingThroughCentrifugo(String name, Compiler compiler)
            throws IOException {
        int appPort = CentrifugoServer.freePort();
        ObjectNode readmeConfiguration = readmeConfiguration(appPort);
        CentrifugoServer centrifugo = CentrifugoServer.builder()
                .hmacSecret(HMAC_SECRET)
                .config((config) -> merge(config, readmeConfiguration))
                .build();
        FreshApplication application = FreshApplication.write(name, compiler, PROPERTIES);
        application.build();
        assertPackagedFromThisBuild(application, true);

        try (centrifugo;
                FreshApplication.Running running = application.start(appPort)) {
            running.awaitServing();
            centrifugo.start();
            String token = CentrifugoTokens.hmac(HMAC_SECRET).connectionToken("fresh-user", Duration.ofMinutes(5));
            JsonNode output = JavaScriptClient.in(CLIENT)
                    .run(
                            "rpc-calls.mjs",
                            Map.of("CENTRIFUGO_URL", centrifugo.websocketUrl(), "CENTRIFUGO_TOKEN", token),
                            """
                            [{"method": "system.ping", "data": {"message": "Hello"}},
                             {"method": "system.ping", "data": {"message": ""}}]""");

            assertThat(output.path("connected").asBoolean())
                    .as("connected: %s", output)
                    .isTrue();
            JsonNode results = output.path("results");
            assertThat(results.path(0).path("data"))
                    .as("%s; the application's log:%n%s", output, running.log())
                    .isEqualTo(JSON.readTree("{\"echo\": \"Pong: Hello\"}"));
            JsonNode invalid = results.path(1).path("error");
            assertThat(invalid.path("code").asInt()).as("%s", output).isEqualTo(422);
            assertThat(JSON.readTree(invalid.path("message").asString()).path("violations"))
                    .isEqualTo(
                            JSON.readTree(
                                    "[{\"field\": \"message\", \"constraint\": \"NotBlank\", \"message\": \"must not be blank\"}]"));
        }
        return application;
    }

    /**
     * The jar holds the starter, core and contract of this build (the same bytes as the modules'
     * jars), not the processor (its manifest's {@code Spring-Boot-Jar-Type: annotation-processor} keeps
     * it out), and the handler index when the processor ran.
     */
    private static void assertPackagedFromThisBuild(FreshApplication application, boolean processorRan)
            throws IOException {
        String version = FreshApplication.version();
        try (JarFile jar = new JarFile(application.jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("com.example.app.Application");
            List<String> libraries = jar.stream()
                    .map(ZipEntry::getName)
                    .filter((name) -> name.startsWith("BOOT-INF/lib/"))
                    .toList();
            assertThat(libraries)
                    .isNotEmpty()
                    .noneMatch((name) -> name.startsWith("BOOT-INF/lib/centrifugo-processor"));
            for (String artifactId :
                    List.of("centrifugo-spring-boot-starter", "centrifugo-core", "centrifugo-contract")) {
                String library = "BOOT-INF/lib/" + artifactId + "-" + version + ".jar";
                assertThat(libraries).contains(library);
                try (var packaged = jar.getInputStream(jar.getEntry(library))) {
                    assertThat(packaged.readAllBytes())
                            .as("%s is the jar this build made", library)
                            .isEqualTo(Files.readAllBytes(application.moduleJar(artifactId)));
                }
            }
            ZipEntry index = jar.stream()
                    .filter((entry) -> entry.getName().endsWith(HANDLER_INDEX))
                    .findFirst()
                    .orElse(null);
            if (processorRan) {
                assertThat(index).as(HANDLER_INDEX + " in " + application.jar()).isNotNull();
                assertThat(new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8))
                        .contains("com.example.app.SystemHandlers_CentrifugoHandlers");
            } else {
                assertThat(index).as(HANDLER_INDEX + " in " + application.jar()).isNull();
            }
        }
    }

    /** The README's Centrifugo configuration, with its placeholders filled in. */
    private static ObjectNode readmeConfiguration(int appPort) {
        String json = Readme.in(FreshApplication.ROOT)
                .block("json", "\"rpc\"")
                .replace("http://app:8080", "http://127.0.0.1:" + appPort)
                .replace("<hmac secret>", HMAC_SECRET)
                .replace("<proxy secret>", PROXY_SECRET);
        assertThat(json)
                .as("placeholders of the README's configuration this test fills in")
                .doesNotContain("\"<");
        return (ObjectNode) JSON.readTree(json);
    }

    /**
     * Puts the README's configuration over the one the test kit generates (loopback port, API key,
     * logging, health), so that the README's settings are the ones in force.
     */
    private static void merge(ObjectNode target, ObjectNode readme) {
        readme.properties().forEach((entry) -> {
            if (target.get(entry.getKey()) instanceof ObjectNode existing
                    && entry.getValue() instanceof ObjectNode readmeObject) {
                merge(existing, readmeObject);
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
