package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.centrifugo4j.contract.Contracts;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContractCollectorTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theApplicationAloneIsReadAsItIs() throws IOException {
        Path own = write(this.dir.resolve("classes"), contract("v-app", "shop.price", "ShopPrice"));
        Path plainJar = jar("plain.jar", null);

        Path resolved = ContractCollector.resolve(
                own, List.of(this.dir.resolve("classes"), plainJar, this.dir.resolve("missing.jar")), merged());

        assertThat(resolved).isEqualTo(own);
        assertThat(merged()).doesNotExist();
    }

    @Test
    void librariesInJarsAndFoldersAreMergedAsTheServerMergesThem() throws IOException {
        Path own = write(this.dir.resolve("classes"), contract("v-app", "shop.price", "ShopPrice"));
        Path jar = jar("news.jar", contract("v-news", "news.latest", "NewsHeadline"));
        Path folder = this.dir.resolve("other-module/target/classes");
        write(folder, contract("v-chat", "chat.send", "ChatMessage"));
        Path notAJar = Files.writeString(this.dir.resolve("module.pom"), "<project/>");

        Path resolved = ContractCollector.resolve(own, List.of(jar, folder, notAJar, jar), merged());

        assertThat(resolved).isEqualTo(merged());
        JsonNode contract = MAPPER.readTree(resolved.toFile());
        assertThat(contract.path("rpc")
                        .valueStream()
                        .map(method -> method.path("name").asString()))
                .containsExactly("chat.send", "news.latest", "shop.price");
        assertThat(contract.path("$defs").propertyNames()).containsExactly("ChatMessage", "NewsHeadline", "ShopPrice");
        // The version the server reports for the same parts (Contracts.merge): not any one part's.
        assertThat(contract.path("version").asString()).hasSize(64).isNotIn("v-app", "v-news", "v-chat");

        long written = Files.getLastModifiedTime(resolved).toMillis();
        Files.setLastModifiedTime(resolved, java.nio.file.attribute.FileTime.fromMillis(written - 10_000));
        ContractCollector.resolve(own, List.of(jar, folder), merged());
        assertThat(Files.getLastModifiedTime(resolved).toMillis())
                .as("unchanged merged contract is not rewritten")
                .isEqualTo(written - 10_000);
    }

    @Test
    void anApplicationWithoutHandlersOfItsOwnGetsTheLibraries() throws IOException {
        Path own = this.dir.resolve("classes/" + Contracts.RESOURCE);
        Path jar = jar("news.jar", contract("v-news", "news.latest", "NewsHeadline"));

        Path resolved = ContractCollector.resolve(own, List.of(this.dir.resolve("classes"), jar), merged());

        assertThat(MAPPER.readTree(resolved.toFile())
                        .path("rpc")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("news.latest");
    }

    @Test
    void nothingAnywhereLeavesTheMissingContractToTheGenerators() {
        Path own = this.dir.resolve("classes/" + Contracts.RESOURCE);

        assertThat(ContractCollector.resolve(own, List.of(), merged())).isEqualTo(own);
    }

    @Test
    void theSameMethodInTwoContractsNamesBoth() throws IOException {
        Path own = write(this.dir.resolve("classes"), contract("v-app", "news.latest", "ShopPrice"));
        Path jar = jar("news.jar", contract("v-news", "news.latest", "NewsHeadline"));

        assertThatExceptionOfType(InvalidContractException.class)
                .isThrownBy(() -> ContractCollector.resolve(own, List.of(jar), merged()))
                .withMessageContaining("\"news.latest\"")
                .withMessageContaining("keep one of them")
                .withMessageContaining(own.toString())
                .withMessageContaining("news.jar!/META-INF/centrifugo/contract.json");
    }

    @Test
    void aLibraryContractThatIsNotJsonIsNamed() throws IOException {
        Path own = write(this.dir.resolve("classes"), contract("v-app", "shop.price", "ShopPrice"));
        Path jar = jar("broken.jar", "{not json");

        assertThatExceptionOfType(InvalidContractException.class)
                .isThrownBy(() -> ContractCollector.resolve(own, List.of(jar), merged()))
                .withMessageContaining("broken.jar!/META-INF/centrifugo/contract.json is not JSON");
    }

    @Test
    void theCommandLineMergesIntoATemporaryFileAndDeletesIt() throws IOException {
        Path own = write(this.dir.resolve("classes"), contract("v-app", "shop.price", "ShopPrice"));
        Path jar = jar("news.jar", contract("v-news", "news.latest", "NewsHeadline"));
        Path[] seen = new Path[1];

        int methods = ContractCollector.withContract(
                own, jar + java.io.File.pathSeparator + this.dir.resolve("classes"), merged -> {
                    seen[0] = merged;
                    return MAPPER.readTree(merged.toFile()).path("rpc").size();
                });

        assertThat(methods).isEqualTo(2);
        assertThat(seen[0]).isNotEqualTo(own).doesNotExist();
        Path unmerged = ContractCollector.withContract(own, "", merged -> merged);
        assertThat(unmerged).isEqualTo(own);
    }

    private Path merged() {
        return this.dir.resolve("target/centrifugo/contract.json");
    }

    private static Path write(Path classes, String contract) throws IOException {
        Path file = classes.resolve(Contracts.RESOURCE);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, contract);
    }

    private Path jar(String name, String contract) throws IOException {
        Path jar = this.dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("com/example/Handlers.class"));
            entries.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            if (contract != null) {
                entries.putNextEntry(new JarEntry(Contracts.RESOURCE));
                entries.write(contract.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static String contract(String version, String method, String type) {
        return """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "version": "%s",
                 "rpc": [{"name": "%s", "handler": "com.example.Handlers#%s", "params": {"$ref": "#/$defs/%s"}}],
                 "channels": [], "typedChannels": [],
                 "$defs": {"%s": {"type": "object", "properties": {"id": {"type": "string"}}}}}
                """.formatted(version, method, method.replace('.', '_'), type, type);
    }
}
