package dev.centrifugo4j.dispatch;

import java.lang.annotation.Annotation;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KClass;
import kotlin.reflect.KProperty1;
import kotlin.reflect.full.KClasses;
import org.jspecify.annotations.Nullable;

/**
 * The nullability of the properties of Kotlin classes, which their class files keep only in Kotlin's
 * metadata ({@code String?} leaves no annotation that reflection sees: the JetBrains
 * {@code @Nullable} the compiler writes is not kept at run time). Read with {@code kotlin-reflect}, which
 * {@code jackson-module-kotlin} brings; loaded only for a payload type that is a Kotlin class, once
 * per type, never per call.
 */
final class KotlinProperties {

    private static final String METADATA = "kotlin.Metadata";

    private KotlinProperties() {}

    /** Whether the class was compiled by Kotlin: it carries {@code @kotlin.Metadata}. */
    static boolean isKotlinClass(Class<?> type) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(METADATA)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the property of a Kotlin class is declared nullable ({@code String?}).
     *
     * @param owner the Kotlin class
     * @param name the property's name (its first letter in either case, as a setter's name gives it)
     * @return whether its type is nullable, {@code null} when the class has no such property
     * @throws IllegalStateException when {@code kotlin-reflect} is not on the class path
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static @Nullable Boolean nullable(Class<?> owner, String name) {
        KClass kotlinClass;
        try {
            kotlinClass = JvmClassMappingKt.getKotlinClass(owner);
            for (Object member : KClasses.getMemberProperties(kotlinClass)) {
                KProperty1 property = (KProperty1) member;
                if (property.getName().equalsIgnoreCase(name)) {
                    return property.getReturnType().isMarkedNullable();
                }
            }
        } catch (NoClassDefFoundError | UnsupportedOperationException ex) {
            throw new IllegalStateException(
                    "The Kotlin class " + owner.getName()
                            + " is bound from a proxy request's data: its properties' nullability is read with"
                            + " kotlin-reflect, which is not on the class path. Add"
                            + " tools.jackson.module:jackson-module-kotlin (which brings it), or"
                            + " org.jetbrains.kotlin:kotlin-reflect.",
                    ex);
        }
        return null;
    }
}
