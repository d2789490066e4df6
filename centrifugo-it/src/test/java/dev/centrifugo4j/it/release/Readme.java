package dev.centrifugo4j.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of the repository's README.md, which a user copies into an application. */
final class Readme {

    private static final Pattern FENCED_BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    private final Path file;

    private final String text;

    private Readme(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    static Readme in(Path root) {
        Path file = root.resolve("README.md");
        try {
            return new Readme(file, Files.readString(file));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The contents of every block in the given language, in the order of the page. */
    List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = FENCED_BLOCK.matcher(this.text);
        while (matcher.find()) {
            if (matcher.group(1).equals(language)) {
                blocks.add(matcher.group(2));
            }
        }
        return blocks;
    }

    /** The one block in the given language that contains the text; the test fails when there is not exactly one. */
    String block(String language, String containing) {
        List<String> blocks = blocks(language).stream()
                .filter((block) -> block.contains(containing))
                .toList();
        assertThat(blocks)
                .as("```%s blocks of %s that contain %s", language, this.file, containing)
                .hasSize(1);
        return blocks.get(0);
    }
}
