package dev.centrifugo4j.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files the generators keep as resources next to their classes: the reserved words of each
 * language and the runtime parts of the generated code, which are written as they are.
 */
public final class Resources {

    private Resources() {}

    /**
     * The text of a resource in the package of {@code owner}.
     *
     * @param owner the class whose package holds the resource
     * @param name the resource's file name
     * @return its text, read as UTF-8
     * @throws IllegalStateException when the resource is not on the class path
     */
    public static String text(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + name, ex);
        }
    }
}
