package dev.centrifugo4j.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Loads the generated {@link HandlerIndex} classes listed in every {@value HandlerIndex#INDEX_RESOURCE} on the class path. */
public final class HandlerIndexes {

    private HandlerIndexes() {}

    /**
     * Loads every generated index visible to the class loader, once each, sorted by class name.
     *
     * @param classLoader the class loader to search
     * @return the indexes
     * @throws IllegalStateException when an index lists a class that cannot be loaded (a stale build)
     */
    public static List<HandlerIndex> load(ClassLoader classLoader) {
        Map<String, URL> classNames = new TreeMap<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(HandlerIndex.INDEX_RESOURCE);
            while (resources.hasMoreElements()) {
                URL resource = resources.nextElement();
                for (String className : read(resource)) {
                    classNames.putIfAbsent(className, resource);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + HandlerIndex.INDEX_RESOURCE, ex);
        }
        List<HandlerIndex> indexes = new ArrayList<>(classNames.size());
        classNames.forEach((className, resource) -> indexes.add(instantiate(className, resource, classLoader)));
        return List.copyOf(indexes);
    }

    private static List<String> read(URL resource) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static HandlerIndex instantiate(String className, URL resource, ClassLoader classLoader) {
        try {
            Class<?> type = Class.forName(className, true, classLoader);
            if (!HandlerIndex.class.isAssignableFrom(type)) {
                throw new IllegalStateException(
                        className + " listed in " + resource + " does not implement " + HandlerIndex.class.getName());
            }
            return (HandlerIndex) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError ex) {
            throw new IllegalStateException(
                    "The handler index " + resource + " lists " + className
                            + ", which cannot be loaded. The build output is stale: rebuild the project (for example 'mvn clean"
                            + " compile').",
                    ex);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Cannot instantiate the generated handler index " + className, ex);
        }
    }
}
