package dev.centrifugo4j.spi;

import java.lang.reflect.Type;

/**
 * One parameter of a channel handler method, as the annotation processor classified it.
 *
 * @param kind what the parameter receives
 * @param name the pattern variable's name for {@link Kind#VARIABLE}, otherwise empty
 * @param type the parameter's full (possibly generic) type
 * @param nullable whether the parameter is {@code @Nullable} (a payload may then be absent)
 * @param validated whether a payload goes through Jakarta validation ({@code @Valid} or a constraint)
 */
public record ChannelParameter(Kind kind, String name, Type type, boolean nullable, boolean validated) {

    public ChannelParameter {
        if (kind == null) {
            throw new IllegalArgumentException("'kind' must not be null");
        }
        if (name == null) {
            throw new IllegalArgumentException("'name' must not be null");
        }
        if (type == null) {
            throw new IllegalArgumentException("'type' must not be null");
        }
    }

    /** A {@code ChannelContext} parameter. */
    public static ChannelParameter context(Type type) {
        return new ChannelParameter(Kind.CONTEXT, "", type, false, false);
    }

    /** A {@code @ChannelVariable} parameter. */
    public static ChannelParameter variable(String name, Type type) {
        return new ChannelParameter(Kind.VARIABLE, name, type, false, false);
    }

    /** The parameter the request's data binds to. */
    public static ChannelParameter payload(Type type, boolean nullable, boolean validated) {
        return new ChannelParameter(Kind.PAYLOAD, "", type, nullable, validated);
    }

    /** What a parameter receives. */
    public enum Kind {
        /** The {@code ChannelContext}. */
        CONTEXT,
        /** A pattern variable, converted to the parameter's type. */
        VARIABLE,
        /** The request's data (subscribe data or publication data), decoded with Jackson. */
        PAYLOAD
    }
}
