package dev.centrifugo4j.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** The words a target language reserves, read from the {@code reserved-words.txt} next to its type mapper. */
public final class ReservedWords {

    private ReservedWords() {}

    /**
     * The words of {@code reserved-words.txt} in the package of {@code mapper}: one per line, blank
     * lines and {@code #} comments left out.
     */
    public static Set<String> of(Class<?> mapper) {
        try (InputStream in = mapper.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
