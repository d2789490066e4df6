package dev.centrifugo4j.codegen;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words a target language reserves, read from the {@code reserved-words.txt} next to its type
 * mapper. A name that is one of them gets a trailing {@code _}, in every language.
 */
public final class ReservedWords {

    private final Set<String> words;

    private ReservedWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /**
     * The words of {@code reserved-words.txt} in the package of {@code mapper}: one per line, blank
     * lines and {@code #} comments left out.
     */
    public static ReservedWords of(Class<?> mapper) {
        return new ReservedWords(Resources.text(mapper, "reserved-words.txt")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** These words and {@code more}, such as the names a generated package defines itself. */
    public ReservedWords and(Set<String> more) {
        Set<String> union = new HashSet<>(this.words);
        union.addAll(more);
        return new ReservedWords(union);
    }

    /** Whether the word is reserved. */
    public boolean contains(String word) {
        return this.words.contains(word);
    }

    /** The name, with a trailing {@code _} when it is reserved ({@code class} becomes {@code class_}). */
    public String escape(String name) {
        return contains(name) ? name + "_" : name;
    }
}
