package dev.centrifugo4j.codegen;

import dev.centrifugo4j.contract.Contracts;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the contracts of an application made of several compilation units: its own (the processor
 * writes it into the class output) and those of the libraries on its class path that bring handlers
 * of their own, each with its {@value #RESOURCE}. The server answers {@code system.contract} with
 * all of them merged ({@link Contracts#merge}); the generated clients must hold the same methods and
 * report the same version, so the goals merge them the same way.
 */
public final class ContractCollector {

    /** Where the processor writes the contract, in a class output folder or a jar. */
    private static final String RESOURCE = Contracts.RESOURCE;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ContractCollector() {}

    /**
     * The contract file to generate from.
     *
     * @param own the application's own contract; it may be missing when every handler is in a library
     * @param classpath the application's class path (folders and jars); entries without a contract,
     *     missing entries and {@code own}'s class output folder are skipped
     * @param merged where the merged contract is written when there is more than one (only rewritten
     *     when it changed)
     * @return {@code own} when the class path brings no other contract (also when {@code own} is
     *     missing: the generators then say to compile first), otherwise {@code merged}
     * @throws InvalidContractException when a contract is not JSON or two of them declare the same
     *     method, channel handler or type differently
     */
    public static Path resolve(Path own, List<Path> classpath, Path merged) {
        List<Found> found = new ArrayList<>();
        if (Files.isRegularFile(own)) {
            found.add(new Found(own.toString(), read(own.toString(), own)));
        }
        Path ownAbsolute = own.toAbsolutePath().normalize();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path entry : classpath) {
            Path absolute = entry.toAbsolutePath().normalize();
            if (!seen.add(absolute) || ownAbsolute.equals(absolute.resolve(RESOURCE))) {
                continue;
            }
            String text = contractOf(absolute);
            if (text != null) {
                found.add(new Found(absolute + "!/" + RESOURCE, text));
            }
        }
        if (found.isEmpty() || (found.size() == 1 && Files.isRegularFile(own))) {
            return own;
        }
        List<JsonNode> parts = new ArrayList<>();
        for (Found part : found) {
            parts.add(tree(part));
        }
        JsonNode contract;
        try {
            contract = Contracts.merge(parts);
        } catch (IllegalArgumentException ex) {
            throw new InvalidContractException(ex.getMessage() + " (contracts: "
                    + String.join(", ", found.stream().map(Found::where).toList()) + ")");
        }
        GeneratedFiles.writeIfChanged(
                merged, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(contract) + "\n");
        return merged;
    }

    /**
     * {@link #resolve} for a command line: the merged contract goes to a temporary file, handed to
     * {@code use} and deleted afterwards.
     *
     * @param own the application's own contract
     * @param classpath the class path, entries separated by the platform's path separator; empty for none
     * @param use what reads the contract
     * @return what {@code use} returned
     */
    public static <T> T withContract(Path own, String classpath, Function<Path, T> use) {
        if (classpath.isEmpty()) {
            return use.apply(own);
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        Path merged;
        try {
            merged = Files.createTempFile("centrifugo-contract", ".json");
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to create a temporary file for the merged contract", ex);
        }
        try {
            return use.apply(resolve(own, entries, merged));
        } finally {
            try {
                Files.deleteIfExists(merged);
            } catch (IOException ex) {
                merged.toFile().deleteOnExit();
            }
        }
    }

    private static @Nullable String contractOf(Path entry) {
        if (Files.isDirectory(entry)) {
            Path file = entry.resolve(RESOURCE);
            return Files.isRegularFile(file) ? read(file.toString(), file) : null;
        }
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            ZipEntry resource = jar.getEntry(RESOURCE);
            if (resource == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(resource)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException ex) {
            // Not a jar (a .pom, a native library): nothing to read.
            return null;
        }
    }

    private static String read(String where, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to read the contract " + where, ex);
        }
    }

    private static JsonNode tree(Found part) {
        try {
            return MAPPER.readTree(part.text());
        } catch (JacksonException ex) {
            throw new InvalidContractException(
                    "The contract " + part.where() + " is not JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private record Found(String where, String text) {}
}
