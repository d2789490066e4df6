package dev.centrifugo4j.maven;

import java.lang.reflect.Field;

/** Sets a goal's parameters as Maven does: on the goal's class or the one it extends. */
final class MojoFields {

    private MojoFields() {}

    static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException ex) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(mojo.getClass().getName() + " has no parameter field " + name);
    }
}
