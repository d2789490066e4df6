package dev.centrifugo4j.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type such as {@code List<Item>} for generated code:
 * {@code new TypeToken<List<Item>>() {}.type()}. Evaluated once when the index loads.
 *
 * @param <T> the captured type
 */
public abstract class TypeToken<T> {

    private final Type type;

    protected TypeToken() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("TypeToken must be created with a type argument");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    /** The captured type. */
    public Type type() {
        return this.type;
    }
}
