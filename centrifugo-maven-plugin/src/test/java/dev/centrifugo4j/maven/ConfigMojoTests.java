package dev.centrifugo4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mojo with its parameters set as Maven would set them, defaults included (see also src/it). */
class ConfigMojoTests {

    private static ConfigMojo mojo(File contract, File output) throws ReflectiveOperationException {
        ConfigMojo mojo = new ConfigMojo();
        set(mojo, "contract", contract);
        set(mojo, "outputFile", output);
        set(mojo, "appUrl", "http://localhost:8080");
        set(mojo, "rpcPath", "/centrifugo/rpc/");
        set(mojo, "connectPath", "/centrifugo/connect/");
        set(mojo, "refreshPath", "/centrifugo/refresh/");
        set(mojo, "subscribePath", "/centrifugo/subscribe/");
        set(mojo, "publishPath", "/centrifugo/publish/");
        set(mojo, "subRefreshPath", "/centrifugo/sub_refresh/");
        set(mojo, "proxyTimeout", "5s");
        set(mojo, "secretHeader", "X-Centrifugo-Proxy-Secret");
        set(mojo, "secretVariable", "CENTRIFUGO_VAR_PROXY_SECRET");
        return mojo;
    }

    private static void set(ConfigMojo mojo, String name, Object value) throws ReflectiveOperationException {
        MojoFields.set(mojo, name, value);
    }

    @Test
    void writesTheGoldenConfigurationWithTheDefaults(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("centrifugo/config.json");

        mojo(Fixtures.file("zoo-contract.json"), output.toFile()).execute();

        assertThat(Files.readString(output, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Fixtures.path("golden/config/zoo.json")));
    }

    @Test
    void failsWithAMessageTheUserCanActOn(@TempDir Path dir) throws Exception {
        ConfigMojo missing =
                mojo(dir.resolve("none.json").toFile(), dir.resolve("c.json").toFile());
        ConfigMojo badVariable =
                mojo(Fixtures.file("zoo-contract.json"), dir.resolve("c.json").toFile());
        set(badVariable, "secretVariable", "PROXY_SECRET");

        assertThatExceptionOfType(MojoFailureException.class)
                .isThrownBy(missing::execute)
                .withMessageContaining("compile the application first");
        assertThatExceptionOfType(MojoFailureException.class)
                .isThrownBy(badVariable::execute)
                .withMessageContaining("'secretVariable' must match CENTRIFUGO_VAR_");
        assertThat(dir.resolve("c.json")).doesNotExist();
    }

    @Test
    void enablesTheRefreshProxyWithTheConnectProxyUnlessToldOtherwise(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("c.json");
        ConfigMojo connect = mojo(Fixtures.file("zoo-contract.json"), output.toFile());
        set(connect, "connectProxy", true);

        connect.execute();
        String both = Files.readString(output);
        set(connect, "refreshProxy", false);
        connect.execute();
        String connectOnly = Files.readString(output);

        assertThat(both).contains("\"connect\": {", "\"refresh\": {", "/centrifugo/refresh/");
        assertThat(connectOnly).contains("\"connect\": {").doesNotContain("\"refresh\": {");
    }

    @Test
    void doesNothingWhenSkipped(@TempDir Path dir) throws Exception {
        ConfigMojo mojo =
                mojo(dir.resolve("none.json").toFile(), dir.resolve("c.json").toFile());
        set(mojo, "skip", true);

        mojo.execute();

        assertThat(dir).isEmptyDirectory();
    }
}
