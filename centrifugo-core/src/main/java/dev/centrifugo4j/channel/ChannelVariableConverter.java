package dev.centrifugo4j.channel;

import java.lang.reflect.Type;

/**
 * Converts a channel pattern variable (always text in the channel) to a handler parameter's type.
 * The Spring Boot starter uses the application's ConversionService; {@link #basic()} covers the
 * common types without Spring.
 */
@FunctionalInterface
public interface ChannelVariableConverter {

    /**
     * Converts a variable.
     *
     * @param value the variable's text in the channel
     * @param type the parameter's type
     * @return the converted value
     * @throws IllegalArgumentException when the text does not fit the type
     */
    Object convert(String value, Type type);

    /**
     * Strings, primitives and their boxes, {@code UUID}, {@code BigInteger}, {@code BigDecimal} and
     * enums (by constant name).
     */
    static ChannelVariableConverter basic() {
        return BasicVariableConverter.INSTANCE;
    }
}
