package dev.centrifugo4j.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedParameter;

/**
 * Which properties of a payload type the contract marks {@code required}, worked out from the same
 * declarations the annotation processor reads ({@code ContractSchemas} in {@code
 * centrifugo-processor}), so that the server refuses exactly what the contract says a client must
 * send:
 *
 * <ul>
 *   <li>a property is the contract's when it is a record component, or a public getter or public
 *       field of a class (a property Jackson can set but the contract does not list is never
 *       required);
 *   <li>it is required when it is {@code @JsonProperty(required = true)}, or when Jackson always
 *       writes it ({@code @JsonInclude} on it or its class is absent, {@code ALWAYS} or {@code
 *       USE_DEFAULTS}) and it is not nullable. A required property must be present, and not {@code
 *       null} unless its schema takes {@code null} (a nullable one, or any JSON: {@code Object},
 *       {@code JsonNode});
 *   <li>nullable means an {@code Optional}, or an annotation named {@code Nullable} (any package)
 *       on the record component, its accessor or field, or on the getter or field of a class, as a
 *       declaration or on the type. Only annotations kept at run time count, on both sides. The
 *       property of a Kotlin class is nullable when its Kotlin type is ({@code String?}), read from
 *       Kotlin's metadata (see {@link KotlinProperties}).
 * </ul>
 *
 * <p>Asked when Jackson builds a deserializer for a type (once per type), never per call.
 */
final class RequiredProperties {

    private RequiredProperties() {}

    /** What the contract requires of a property. */
    enum Requirement {
        /** Nothing: it may be missing (and is {@code null} or its default then). */
        NONE,
        /** It must be present; {@code null} is a value it may have ({@code @JsonProperty(required = true)} on a nullable one). */
        PRESENT,
        /** It must be present and not {@code null}. */
        PRESENT_NOT_NULL
    }

    /**
     * What the contract requires of the property that a creator parameter, setter or field of a
     * payload type binds.
     *
     * @param member the member Jackson binds the property with
     * @return the requirement
     */
    static Requirement of(AnnotatedMember member) {
        Property property = property(member);
        if (property == null) {
            return Requirement.NONE;
        }
        boolean nullable = property.nullable();
        // Any JSON (Object, JsonNode): the contract's schema {} takes null as one of its values.
        Requirement whenRequired =
                (nullable || property.anyJson()) ? Requirement.PRESENT : Requirement.PRESENT_NOT_NULL;
        if (property.explicitlyRequired()) {
            return whenRequired;
        }
        if (nullable) {
            return Requirement.NONE;
        }
        JsonInclude include = property.include();
        if (include == null) {
            include = property.owner().getAnnotation(JsonInclude.class);
        }
        JsonInclude.Include inclusion = (include != null) ? include.value() : JsonInclude.Include.ALWAYS;
        return (inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS)
                ? whenRequired
                : Requirement.NONE;
    }

    /**
     * The Java type of the value a member binds: a setter's parameter, a field's or a creator
     * parameter's type.
     *
     * @param member the member
     * @return the raw type
     */
    static Class<?> valueType(AnnotatedMember member) {
        return (member instanceof AnnotatedMethod method && method.getParameterCount() == 1)
                ? method.getRawParameterType(0)
                : member.getRawType();
    }

    /**
     * The property a member binds, with the declarations the contract reads it from; {@code null}
     * when the contract does not list it.
     */
    private static @Nullable Property property(AnnotatedMember member) {
        Class<?> owner = member.getDeclaringClass();
        if (owner == null) {
            return null;
        }
        if (member instanceof AnnotatedParameter parameter) {
            if (!(parameter.getOwner().getAnnotated() instanceof Executable executable)) {
                return null;
            }
            if (owner.isRecord() && executable instanceof Constructor<?> constructor) {
                RecordComponent component = canonicalComponent(owner, constructor, parameter.getIndex());
                return (component != null) ? recordProperty(owner, component) : null;
            }
            // Another creator (a factory method, a constructor of a class): the parameter's Java name,
            // with -parameters, else the name @JsonProperty gives it.
            java.lang.reflect.Parameter reflected = executable.getParameters()[parameter.getIndex()];
            JsonProperty named = reflected.getAnnotation(JsonProperty.class);
            String name = reflected.isNamePresent()
                    ? reflected.getName()
                    : (named != null && !named.value().isEmpty()) ? named.value() : null;
            return (name != null) ? property(owner, name, parameter.getRawType()) : null;
        }
        if (member instanceof AnnotatedField field) {
            Field reflected = (Field) field.getAnnotated();
            return property(owner, reflected.getName(), reflected.getType());
        }
        if (member instanceof AnnotatedMethod method && method.getParameterCount() == 1) {
            String name = method.getName();
            if (name.length() > 3 && name.startsWith("set")) {
                return classProperty(owner, name.substring(3), valueType(method));
            }
        }
        return null;
    }

    /** The property of that Java name: a record's component, or a class's getter or public field. */
    private static @Nullable Property property(Class<?> owner, String name, Class<?> type) {
        if (!owner.isRecord()) {
            return classProperty(owner, name, type);
        }
        for (RecordComponent component : owner.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return recordProperty(owner, component);
            }
        }
        return null;
    }

    private static @Nullable RecordComponent canonicalComponent(
            Class<?> record, Constructor<?> constructor, int index) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] parameters = constructor.getParameterTypes();
        if (components.length != parameters.length || index >= components.length) {
            return null;
        }
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != parameters[i]) {
                return null;
            }
        }
        return components[index];
    }

    private static Property recordProperty(Class<?> record, RecordComponent component) {
        List<AnnotatedElement> declarations = new ArrayList<>(3);
        List<AnnotatedType> types = new ArrayList<>(3);
        declarations.add(component);
        types.add(component.getAnnotatedType());
        Method accessor = component.getAccessor();
        declarations.add(accessor);
        types.add(accessor.getAnnotatedReturnType());
        Field field = declaredField(record, component.getName());
        if (field != null) {
            declarations.add(field);
            types.add(field.getAnnotatedType());
        }
        return new Property(record, component.getName(), component.getType(), declarations, types);
    }

    /**
     * A property of a class as the contract lists it: its public getter ({@code getX}, or {@code isX}
     * for a boolean) and field, when it has a public getter or is a public field; else {@code null}.
     *
     * @param name the property's name, or the part of a setter's name after {@code set}
     */
    private static @Nullable Property classProperty(Class<?> owner, String name, Class<?> type) {
        List<AnnotatedElement> declarations = new ArrayList<>(2);
        List<AnnotatedType> types = new ArrayList<>(2);
        boolean listed = false;
        for (Method method : owner.getMethods()) {
            if (isGetterOf(method, name)) {
                declarations.add(method);
                types.add(method.getAnnotatedReturnType());
                listed = true;
                break;
            }
        }
        Field field = field(owner, name);
        if (field != null) {
            declarations.add(field);
            types.add(field.getAnnotatedType());
            listed |= Modifier.isPublic(field.getModifiers());
        }
        return listed ? new Property(owner, name, type, declarations, types) : null;
    }

    private static boolean isGetterOf(Method method, String name) {
        if (method.getParameterCount() != 0
                || Modifier.isStatic(method.getModifiers())
                || method.getReturnType() == void.class) {
            return false;
        }
        String methodName = method.getName();
        if (methodName.length() == name.length() + 3 && methodName.startsWith("get")) {
            return methodName.substring(3).equalsIgnoreCase(name);
        }
        return methodName.length() == name.length() + 2
                && methodName.startsWith("is")
                && method.getReturnType() == boolean.class
                && methodName.substring(2).equalsIgnoreCase(name);
    }

    /** The non-static field of that name (in any letter case of its first letter), here or inherited. */
    private static @Nullable Field field(Class<?> owner, String name) {
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && field.getName().equalsIgnoreCase(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static @Nullable Field declaredField(Class<?> type, String name) {
        for (Field field : type.getDeclaredFields()) {
            if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                return field;
            }
        }
        return null;
    }

    /**
     * One property of the contract.
     *
     * @param owner the type that has it
     * @param name its name (for a setter's property, the part of the setter's name after {@code set})
     * @param type its Java type
     * @param declarations the declarations the contract reads it from
     * @param types the types of those declarations, with their type annotations
     */
    private record Property(
            Class<?> owner,
            String name,
            Class<?> type,
            List<AnnotatedElement> declarations,
            List<AnnotatedType> types) {

        /** Whether the contract describes it as any JSON value ({@code {}}), {@code null} included. */
        boolean anyJson() {
            String name = this.type.getName();
            return this.type == Object.class
                    || name.equals("tools.jackson.databind.JsonNode")
                    || name.equals("com.fasterxml.jackson.databind.JsonNode");
        }

        boolean explicitlyRequired() {
            for (AnnotatedElement declaration : this.declarations) {
                JsonProperty property = declaration.getAnnotation(JsonProperty.class);
                if (property != null && property.required()) {
                    return true;
                }
            }
            return false;
        }

        boolean nullable() {
            if (this.type.isPrimitive()) {
                return false;
            }
            if (this.type == Optional.class) {
                return true;
            }
            if (KotlinProperties.isKotlinClass(this.owner)) {
                // String? or String: Kotlin's metadata says, as the contract's JetBrains annotations do.
                Boolean kotlinNullable = KotlinProperties.nullable(this.owner, this.name);
                if (kotlinNullable != null) {
                    return kotlinNullable;
                }
            }
            for (AnnotatedElement declaration : this.declarations) {
                if (hasNullable(declaration.getAnnotations())) {
                    return true;
                }
            }
            for (AnnotatedType type : this.types) {
                if (hasNullable(type.getAnnotations())) {
                    return true;
                }
            }
            return false;
        }

        @Nullable
        JsonInclude include() {
            for (AnnotatedElement declaration : this.declarations) {
                JsonInclude include = declaration.getAnnotation(JsonInclude.class);
                if (include != null) {
                    return include;
                }
            }
            return null;
        }

        private static boolean hasNullable(Annotation[] annotations) {
            for (Annotation annotation : annotations) {
                if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                    return true;
                }
            }
            return false;
        }
    }
}
