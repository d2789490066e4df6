package dev.centrifugo4j.codegen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names taken in one scope of generated code, such as the methods of a class or the parameters
 * of a function: two contract names that a language writes alike ({@code orders.get_status} and
 * {@code orders:getStatus}) must not give one name twice.
 */
public final class NameScope {

    private final Set<String> taken;

    /**
     * Creates a scope.
     *
     * @param taken the names the generated code uses there already
     */
    public NameScope(String... taken) {
        this.taken = new HashSet<>(List.of(taken));
    }

    /**
     * Takes a name.
     *
     * @param name the name wanted
     * @return the name, or when it is taken the name with the first free number from 2 ({@code name2})
     */
    public String claim(String name) {
        String candidate = name;
        for (int suffix = 2; !this.taken.add(candidate); suffix++) {
            candidate = name + suffix;
        }
        return candidate;
    }
}
