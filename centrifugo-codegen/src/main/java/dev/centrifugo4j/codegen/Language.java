package dev.centrifugo4j.codegen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages clients are generated for. */
public enum Language {

    /** A TypeScript package over the npm {@code centrifuge} SDK. */
    TYPESCRIPT,

    /** A Python package (Pydantic v2 models, asyncio) over PyPI {@code centrifuge-python}. */
    PYTHON,

    /** A Go module over {@code github.com/centrifugal/centrifuge-go}. */
    GO;

    /**
     * Parses a comma-separated list such as {@code typescript} or {@code all}.
     *
     * @throws IllegalArgumentException naming the languages that exist when one is unknown
     */
    public static List<Language> parse(String list) {
        List<Language> languages = new ArrayList<>();
        for (String item : list.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("all")) {
                return List.of(values());
            }
            Language language = Arrays.stream(values())
                    .filter(candidate ->
                            candidate.name().toLowerCase(Locale.ROOT).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown language '" + name + "': expected "
                            + Arrays.stream(values())
                                    .map(value -> value.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))
                            + " or all"));
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        return languages;
    }
}
