package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoProperties;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads docker-compose.yml and checks that it agrees with what it wires together: the app's
 * application.properties (environment variable names, ports), the starter's proxy paths and secret
 * header, the example's centrifugo.json (which the containers mount), the Dockerfile and the
 * Centrifugo release the tests run. DockerComposeUpIT runs it.
 */
class DockerComposeTests {

    private static final Path ROOT = Path.of("../..");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[-?]?(.*))?}");

    private static final Map<String, String> PROXY_ENV = Map.of(
            "connect", "CENTRIFUGO_CLIENT_PROXY_CONNECT_ENDPOINT",
            "refresh", "CENTRIFUGO_CLIENT_PROXY_REFRESH_ENDPOINT",
            "subscribe", "CENTRIFUGO_CHANNEL_PROXY_SUBSCRIBE_ENDPOINT",
            "rpc", "CENTRIFUGO_RPC_PROXY_ENDPOINT");

    private final Map<String, Map<String, Object>> services = services();

    private final Properties application = applicationProperties();

    private final JsonNode centrifugoJson = JsonMapper.builder().build().readTree(read(Path.of("centrifugo.json")));

    private final CentrifugoProperties.Proxy starterProxy = new CentrifugoProperties().getProxy();

    @Test
    void everyCentrifugoRunsTheTestedReleaseWithTheExamplesConfiguration() {
        assertThat(centrifugos()).containsExactly("centrifugo", "centrifugo-1", "centrifugo-2");
        for (String name : centrifugos()) {
            Map<String, Object> service = this.services.get(name);
            assertThat(variableOf((String) service.get("image"))).as(name).isEqualTo("CENTRIFUGO_IMAGE");
            assertThat(imageOf(name))
                    .as(name)
                    .isEqualTo("centrifugo/centrifugo:v" + System.getProperty("centrifugo.version"));
            assertThat((String) service.get("command")).as(name).endsWith("--config=/centrifugo/config.json");
            assertThat(list(service, "volumes"))
                    .as(name)
                    .containsExactly("./examples/terminal/centrifugo.json:/centrifugo/config.json:ro");
            assertThat(ROOT.resolve("examples/terminal/centrifugo.json")).exists();
        }
    }

    @Test
    void shareTheProxySecretAndTheApiKeyThroughOneVariableEach() {
        String secretVariable = variableOf(this.application.getProperty("centrifugo.proxy.secret"));
        String apiKeyVariable = variableOf(this.application.getProperty("centrifugo.api-key"));
        assertThat(secretVariable).isEqualTo("CENTRIFUGO_PROXY_SECRET");
        assertThat(apiKeyVariable).isEqualTo("CENTRIFUGO_API_KEY");
        for (String name : centrifugos()) {
            Map<String, String> env = environment(name);
            assertThat(variableOf(env.get("CENTRIFUGO_VAR_PROXY_SECRET")))
                    .as(name)
                    .isEqualTo(secretVariable);
            assertThat(variableOf(env.get("CENTRIFUGO_HTTP_API_KEY"))).as(name).isEqualTo(apiKeyVariable);
        }
        for (String name : apps()) {
            Map<String, String> env = environment(name);
            assertThat(variableOf(env.get(secretVariable))).as(name).isEqualTo(secretVariable);
            assertThat(variableOf(env.get(apiKeyVariable))).as(name).isEqualTo(apiKeyVariable);
        }
        // centrifugo.json sends CENTRIFUGO_VAR_PROXY_SECRET in the header the app reads, from every proxy.
        for (JsonNode proxy : fileProxies().values()) {
            assertThat(proxy.at("/http/static_headers").propertyNames())
                    .containsExactly(this.starterProxy.getSecretHeader());
            assertThat(proxy.at("/http/static_headers")
                            .get(this.starterProxy.getSecretHeader())
                            .asString())
                    .isEqualTo("${CENTRIFUGO_VAR_PROXY_SECRET}");
            assertThat(proxy.get("http_headers").toString()).isEqualTo("[\"Cookie\"]");
        }
    }

    @Test
    void pointEveryProxyAtItsAppsPortAndTheStartersPaths() {
        int appPort = defaultOf(this.application.getProperty("server.port"));
        Map<String, String> paths = Map.of(
                "connect", this.starterProxy.getConnectPath(),
                "refresh", this.starterProxy.getRefreshPath(),
                "subscribe", this.starterProxy.getSubscribePath(),
                "rpc", this.starterProxy.getRpcPath());
        assertThat(fileProxies()).containsOnlyKeys(paths.keySet());
        fileProxies()
                .forEach((proxy, config) -> assertThat(config.get("endpoint").asString())
                        .as("centrifugo.json, %s proxy", proxy)
                        .isEqualTo("http://127.0.0.1:" + appPort + paths.get(proxy)));
        for (String name : centrifugos()) {
            String app = appOf(name);
            Map<String, String> env = environment(name);
            PROXY_ENV.forEach((proxy, variable) -> assertThat(env.get(variable))
                    .as("%s, %s", name, variable)
                    .isEqualTo("http://" + app + ":" + appPort + paths.get(proxy)));
        }
    }

    @Test
    void publishOnLoopbackOnlyWithPortsTheConfigurationsAgreeOn() {
        int centrifugoPort = this.centrifugoJson.at("/http_server/port").asInt();
        int apiPort = internalPort();
        int appPort = defaultOf(this.application.getProperty("server.port"));
        assertThat(this.application.getProperty("server.address")).endsWith(":127.0.0.1}");
        for (String name : centrifugos()) {
            assertThat(containerPort(name)).as(name).isEqualTo(centrifugoPort);
            assertThat(list(this.services.get(name), "ports")).as(name).hasSize(1);
            assertThat(environment(name).get("CENTRIFUGO_HTTP_SERVER_ADDRESS")).isEqualTo("0.0.0.0");
            // The server API listens on the internal port for the app's container, published nowhere.
            assertThat(environment(name).get("CENTRIFUGO_HTTP_SERVER_INTERNAL_ADDRESS"))
                    .isEqualTo("0.0.0.0");
        }
        String wsVariable = variableOf(this.application.getProperty("terminal.centrifugo-ws-url"));
        String apiUrlVariable = variableOf(this.application.getProperty("centrifugo.api-url"));
        for (String app : apps()) {
            assertThat(containerPort(app)).as(app).isEqualTo(appPort);
            Map<String, String> env = environment(app);
            // The browser connects to a Centrifugo that proxies to this app and lets its origin in.
            URI ws = URI.create(env.get(wsVariable).replace("{host}", "localhost"));
            String browserNode = centrifugos().stream()
                    .filter((node) -> hostPort(node) == ws.getPort())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(app + ": no Centrifugo published on " + ws));
            assertThat(appOf(browserNode)).isEqualTo(app);
            assertThat(ws.getPath()).isEqualTo("/connection/websocket");
            assertThat(allowedOrigins(browserNode))
                    .contains("http://localhost:" + hostPort(app), "http://127.0.0.1:" + hostPort(app));
            // The app publishes through the server API (internal port) of a Centrifugo that proxies to it.
            URI api = URI.create(env.get(apiUrlVariable));
            assertThat(appOf(api.getHost())).isEqualTo(app);
            assertThat(api.getPort()).isEqualTo(apiPort).isNotEqualTo(centrifugoPort);
            assertThat(api.getPath()).isEqualTo("/api");
        }
        for (String name : this.services.keySet()) {
            for (String port : list(this.services.get(name), "ports")) {
                assertThat(port).as(name).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void haveHealthChecksThatTheAppAnswers() {
        this.services.forEach((name, service) ->
                assertThat(service.get("healthcheck")).as(name).isNotNull());
        assertThat(this.application.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health");
        for (String app : apps()) {
            assertThat(healthCheck(app))
                    .as(app)
                    .contains("/actuator/health/liveness")
                    .contains("/8080");
        }
        for (String node : centrifugos()) {
            assertThat(healthCheck(node)).as(node).contains("http://127.0.0.1:" + internalPort() + "/health");
            assertThat(this.centrifugoJson.at("/health/enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void scaleOutInTheirOwnProfileWithRedis() {
        List<String> scaled = new ArrayList<>();
        this.services.forEach((name, service) -> {
            if (service.containsKey("profiles")) {
                assertThat(list(service, "profiles")).as(name).containsExactly("scale");
                scaled.add(name);
            }
        });
        assertThat(scaled).containsExactly("redis", "centrifugo-1", "centrifugo-2", "terminal-scaled");
        for (String node : List.of("centrifugo-1", "centrifugo-2")) {
            Map<String, String> env = environment(node);
            assertThat(env.get("CENTRIFUGO_ENGINE_TYPE")).isEqualTo("redis");
            assertThat(env.get("CENTRIFUGO_ENGINE_REDIS_ADDRESS")).isEqualTo("redis://redis:6379");
        }
        // The scaled app publishes through one node while its page connects to the other.
        assertThat(environment("terminal-scaled").get("CENTRIFUGO_API_URL")).contains("//centrifugo-1:");
        assertThat(environment("terminal-scaled").get("TERMINAL_CENTRIFUGO_WS_URL"))
                .contains(":" + hostPort("centrifugo-2") + "/");
    }

    @Test
    void buildTheAppImageFromTheJarTheBuildMakes() {
        String jar = System.getProperty("terminal.jar");
        String dockerfile = read(Path.of("Dockerfile"));
        for (String app : apps()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> build =
                    (Map<String, Object>) this.services.get(app).get("build");
            assertThat(build.get("context")).isEqualTo("./examples/terminal");
            // The base image is the upstream JRE unless JRE_IMAGE names a local build, in both files.
            @SuppressWarnings("unchecked")
            String base = ((Map<String, String>) build.get("args")).get("JRE_IMAGE");
            assertThat(variableOf(base)).isEqualTo("JRE_IMAGE");
            assertThat(dockerfile).contains("ARG JRE_IMAGE=" + defaultValueOf(base) + "\n");
        }
        assertThat(dockerfile)
                .contains("FROM ${JRE_IMAGE}")
                .contains("COPY target/" + jar + " ")
                .contains("USER terminal");
        assertThat(read(Path.of(".dockerignore"))).contains("!target/" + jar);
    }

    @Test
    void takeEveryImageFromAVariableWithTheUpstreamImageAsItsDefault() {
        Map<String, String> images = new LinkedHashMap<>();
        this.services.forEach((name, service) -> {
            if (service.containsKey("image")) {
                images.put(name, variableOf((String) service.get("image")));
            }
        });
        assertThat(images)
                .containsOnly(
                        Map.entry("centrifugo", "CENTRIFUGO_IMAGE"),
                        Map.entry("centrifugo-1", "CENTRIFUGO_IMAGE"),
                        Map.entry("centrifugo-2", "CENTRIFUGO_IMAGE"),
                        Map.entry("redis", "REDIS_IMAGE"));
        assertThat(imageOf("redis")).isEqualTo("redis:7.4-alpine");
    }

    @Test
    void letTheAppsContainersSandboxTheShells() {
        assertThat(read(Path.of("Dockerfile"))).contains("install -y --no-install-recommends bubblewrap");
        for (String app : apps()) {
            assertThat(list(this.services.get(app), "security_opt"))
                    .as(app)
                    .containsExactlyInAnyOrder("seccomp=unconfined", "apparmor=unconfined", "systempaths=unconfined");
            assertThat(this.services.get(app)).as(app).doesNotContainKeys("privileged", "cap_add");
            assertThat(environment(app)).as(app).doesNotContainKey("TERMINAL_INSECURE_UNSANDBOXED_SHELLS");
        }
    }

    /** Centrifugo's internal port (server API, health), from centrifugo.json. */
    private int internalPort() {
        return Integer.parseInt(
                this.centrifugoJson.at("/http_server/internal_port").asString());
    }

    private List<String> centrifugos() {
        return this.services.keySet().stream()
                .filter((name) -> this.services.get(name).containsKey("image")
                        && imageOf(name).startsWith("centrifugo/"))
                .toList();
    }

    /** The image a service runs where no variable names another: the default of its ${VARIABLE:-default}. */
    private String imageOf(String name) {
        return defaultValueOf((String) this.services.get(name).get("image"));
    }

    private List<String> apps() {
        return this.services.keySet().stream()
                .filter((name) -> this.services.get(name).containsKey("build"))
                .toList();
    }

    /** The app service a Centrifugo service's proxies point at. */
    private String appOf(String centrifugo) {
        return URI.create(environment(centrifugo).get(PROXY_ENV.get("rpc"))).getHost();
    }

    private List<String> allowedOrigins(String centrifugo) {
        String override = environment(centrifugo).get("CENTRIFUGO_CLIENT_ALLOWED_ORIGINS");
        if (override != null) {
            return List.of(override.split(" "));
        }
        List<String> origins = new ArrayList<>();
        this.centrifugoJson.at("/client/allowed_origins").forEach((origin) -> origins.add(origin.asString()));
        return origins;
    }

    private Map<String, JsonNode> fileProxies() {
        Map<String, JsonNode> proxies = new LinkedHashMap<>();
        proxies.put("connect", this.centrifugoJson.at("/client/proxy/connect"));
        proxies.put("refresh", this.centrifugoJson.at("/client/proxy/refresh"));
        proxies.put("subscribe", this.centrifugoJson.at("/channel/proxy/subscribe"));
        proxies.put("rpc", this.centrifugoJson.at("/rpc/proxy"));
        proxies.values().forEach((proxy) -> assertThat(proxy.isMissingNode()).isFalse());
        assertThat(this.centrifugoJson.at("/channel/proxy").propertyNames()).containsExactly("subscribe");
        assertThat(this.centrifugoJson.at("/client/proxy").propertyNames()).containsExactly("connect", "refresh");
        return proxies;
    }

    private String healthCheck(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> check =
                (Map<String, Object>) this.services.get(name).get("healthcheck");
        return String.join(" ", list(check, "test"));
    }

    private int containerPort(String name) {
        String[] parts = list(this.services.get(name), "ports").get(0).split(":");
        return Integer.parseInt(parts[parts.length - 1]);
    }

    private int hostPort(String name) {
        return Integer.parseInt(list(this.services.get(name), "ports").get(0).split(":")[1]);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String name) {
        Map<String, Object> environment =
                (Map<String, Object>) this.services.get(name).getOrDefault("environment", Map.of());
        Map<String, String> strings = new LinkedHashMap<>();
        environment.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> map, String key) {
        return ((List<Object>) map.getOrDefault(key, List.of()))
                .stream().map(String::valueOf).toList();
    }

    /** The variable a {@code ${NAME}}, {@code ${NAME:default}} or {@code ${NAME:?message}} refers to. */
    private static String variableOf(String value) {
        assertThat(value).isNotNull();
        Matcher matcher = PLACEHOLDER.matcher(value);
        assertThat(matcher.matches())
                .as("'%s' is a ${VARIABLE} reference", value)
                .isTrue();
        return matcher.group(1);
    }

    private static String defaultValueOf(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        assertThat(matcher.matches()).as(value).isTrue();
        assertThat(matcher.group(2)).as("the default of %s", value).isNotNull();
        return matcher.group(2);
    }

    private static int defaultOf(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        assertThat(matcher.matches()).as(value).isTrue();
        return Integer.parseInt(matcher.group(2));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(read(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        return properties;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException ex) {
            throw new AssertionError("Cannot read " + path.toAbsolutePath(), ex);
        }
    }
}
