package dev.centrifugo4j.channel;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/** The converter behind {@link ChannelVariableConverter#basic()}. */
final class BasicVariableConverter implements ChannelVariableConverter {

    static final BasicVariableConverter INSTANCE = new BasicVariableConverter();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object convert(String value, Type type) {
        if (!(type instanceof Class<?> target)) {
            throw new IllegalArgumentException("cannot convert to " + type.getTypeName());
        }
        if (target == String.class || target == Object.class || target == CharSequence.class) {
            return value;
        }
        if (target == long.class || target == Long.class) {
            return Long.valueOf(value);
        }
        if (target == int.class || target == Integer.class) {
            return Integer.valueOf(value);
        }
        if (target == short.class || target == Short.class) {
            return Short.valueOf(value);
        }
        if (target == byte.class || target == Byte.class) {
            return Byte.valueOf(value);
        }
        if (target == double.class || target == Double.class) {
            return Double.valueOf(value);
        }
        if (target == float.class || target == Float.class) {
            return Float.valueOf(value);
        }
        if (target == boolean.class || target == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.valueOf(value);
        }
        if (target == UUID.class) {
            return UUID.fromString(value);
        }
        if (target == BigInteger.class) {
            return new BigInteger(value);
        }
        if (target == BigDecimal.class) {
            return new BigDecimal(value);
        }
        if (target.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) target, value);
        }
        throw new IllegalArgumentException("cannot convert to " + target.getName());
    }
}
