package dev.centrifugo4j.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The one way every goal writes its output: a file whose content did not change is left alone, so a
 * second run with the same contract touches nothing (and build tools watching the files stay quiet).
 */
public final class GeneratedFiles {

    private GeneratedFiles() {}

    /**
     * Writes the file unless it already holds exactly this content.
     *
     * @param file the file, its folders are created when missing
     * @param content the text, written as UTF-8
     * @return whether the file was written
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static boolean writeIfChanged(Path file, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
            return true;
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to write " + file, ex);
        }
    }
}
