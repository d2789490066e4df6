package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.AnnotationMirrors.annotationType;
import static dev.centrifugo4j.processor.AnnotationMirrors.containsNullable;
import static dev.centrifugo4j.processor.AnnotationMirrors.containsRuntimeNullable;
import static dev.centrifugo4j.processor.AnnotationMirrors.find;
import static dev.centrifugo4j.processor.AnnotationMirrors.isKotlinClass;
import static dev.centrifugo4j.processor.AnnotationMirrors.isNullableAnnotation;
import static dev.centrifugo4j.processor.AnnotationMirrors.isRetainedAtRunTime;
import static dev.centrifugo4j.processor.TypeMirrors.asSupertype;
import static dev.centrifugo4j.processor.TypeMirrors.isDeclaredType;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Describes Java types as JSON Schema (2020-12) the way Jackson writes them, for the contract. It
 * works on {@code javax.lang.model} only: the processor loads none of the types it describes.
 *
 * <p>Records, classes with getters, enums and sealed hierarchies become entries of {@code $defs},
 * referred to with {@code $ref}; everything else is described in place. Definitions are keyed by
 * the full type (a generic record gets one per list of type arguments) and named only once all are
 * known, so that names do not depend on the order in which handlers were processed: a type is named
 * after its simple name, nesting joined ({@code Order.Line} is {@code OrderLine}), type arguments
 * appended ({@code Page<Item>} is {@code PageOfItem}), and types whose names collide are named after
 * their qualified names instead.
 */
final class ContractSchemas {

    private static final String JACKSON = "com.fasterxml.jackson.annotation.";

    private static final String CONSTRAINTS = "jakarta.validation.constraints.";

    /** The JSON Schema of the types that map to one JSON value, by qualified name. */
    private static final Map<String, Map<String, Object>> SCALARS = scalars();

    private final Elements elements;

    private final Types types;

    /** The definitions, by type key. */
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    private final EnumJsonValues enumJsonValues;

    private final Diagnostics diagnostics;

    ContractSchemas(Elements elements, Types types, EnumJsonValues enumJsonValues, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.enumJsonValues = enumJsonValues;
        this.diagnostics = diagnostics;
    }

    /** A type the contract cannot describe, with the path to it and the reason. */
    static final class UnsupportedTypeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String type;

        private final String path;

        UnsupportedTypeException(String type, String path, @Nullable String reason) {
            super(reason);
            this.type = type;
            this.path = path;
        }

        String type() {
            return this.type;
        }

        String path() {
            return this.path;
        }

        /** Whether javac reports the problem itself (the type does not exist), so that the processor need not. */
        boolean reportedByJavac() {
            return getMessage() == null;
        }
    }

    private record Definition(String key, String baseName, Map<String, Object> schema) {}

    /**
     * The schema of a value of the type, with the constraints and nullness of the annotations found
     * on its declaration.
     *
     * @param type the type
     * @param declarationAnnotations the annotations of the parameter, component or getter
     * @param path where the type is used, for messages
     */
    Map<String, Object> schemaOf(
            TypeMirror type, List<? extends AnnotationMirror> declarationAnnotations, String path) {
        return schemaOf(type, declarationAnnotations, path, false);
    }

    /**
     * The schema of a value, as {@link #schemaOf(TypeMirror, List, String)}.
     *
     * @param property whether the value is a property of an object: the server reads its nullness at
     *     run time, so only a {@code @Nullable} that is kept at run time makes it nullable
     */
    private Map<String, Object> schemaOf(
            TypeMirror type, List<? extends AnnotationMirror> declarationAnnotations, String path, boolean property) {
        List<AnnotationMirror> annotations = new ArrayList<>(declarationAnnotations);
        annotations.addAll(type.getAnnotationMirrors());
        boolean nullable = !type.getKind().isPrimitive()
                && (property ? containsRuntimeNullable(annotations) : containsNullable(annotations));
        TypeMirror valueType = type;
        if (isDeclaredType(type, "java.util.Optional")) {
            nullable = true;
            valueType = singleArgument((DeclaredType) type, path);
            annotations.addAll(valueType.getAnnotationMirrors());
        }
        Map<String, Object> schema = valueSchema(valueType, path);
        applyConstraints(schema, annotations, valueType);
        return nullable ? nullable(schema) : schema;
    }

    /**
     * Whether a property of the type with these annotations may be missing or {@code null}: an {@code
     * Optional}, or a {@code @Nullable} kept at run time (the server, which enforces what the
     * contract requires, sees no other), or any {@code @Nullable} on the property of a Kotlin class
     * (whose nullability the server reads from Kotlin's metadata).
     */
    private boolean isNullable(TypeMirror type, List<? extends AnnotationMirror> annotations, boolean kotlin) {
        if (type.getKind().isPrimitive()) {
            return false;
        }
        List<AnnotationMirror> all = new ArrayList<>(annotations);
        all.addAll(type.getAnnotationMirrors());
        boolean nullable = kotlin ? containsNullable(all) : containsRuntimeNullable(all);
        return nullable || isDeclaredType(type, "java.util.Optional");
    }

    /** Warns of a {@code @Nullable} on a property that the server cannot see, because it is not kept at run time. */
    private void warnOfInvisibleNullable(Property property, String propertyPath) {
        List<AnnotationMirror> all = new ArrayList<>(property.annotations());
        all.addAll(property.type().getAnnotationMirrors());
        for (AnnotationMirror annotation : all) {
            if (isNullableAnnotation(annotation) && !isRetainedAtRunTime(annotation)) {
                this.diagnostics.report(
                        Message.NULLABLE_NOT_AT_RUN_TIME,
                        property.element(),
                        property.element().getAnnotationMirrors().contains(annotation) ? annotation : null,
                        null,
                        annotationType(annotation).getQualifiedName(),
                        propertyPath);
                return;
            }
        }
    }

    /**
     * The definitions named and sorted, with every {@code $ref} in them and in the given schemas
     * pointing at its name. Call once all schemas are built.
     *
     * @param schemas the schemas built with {@link #schemaOf} that are written next to the definitions
     */
    Map<String, Object> definitions(List<Object> schemas) {
        Map<String, List<String>> keysByName = new TreeMap<>();
        for (Definition definition : this.definitions.values()) {
            keysByName
                    .computeIfAbsent(definition.baseName(), name -> new ArrayList<>())
                    .add(definition.key());
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : keysByName.entrySet()) {
            for (String key : entry.getValue()) {
                names.put(key, (entry.getValue().size() == 1) ? entry.getKey() : qualifiedName(key));
            }
        }
        Map<String, Object> sorted = new TreeMap<>();
        for (Definition definition : this.definitions.values()) {
            sorted.put(names.get(definition.key()), definition.schema());
        }
        resolveReferences(sorted, names);
        resolveReferences(schemas, names);
        return sorted;
    }

    /** Replaces the type keys of the {@code $ref}s written by {@link #reference} by JSON pointers to the names. */
    @SuppressWarnings("unchecked")
    private static void resolveReferences(@Nullable Object node, Map<String, String> names) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String key && names.containsKey(key)) {
                ((Map<String, Object>) map).put("$ref", "#/$defs/" + names.get(key));
            }
            map.values().forEach(value -> resolveReferences(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> resolveReferences(value, names));
        }
    }

    private static String qualifiedName(String key) {
        return key.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
    }

    private Map<String, Object> valueSchema(TypeMirror type, String path) {
        switch (type.getKind()) {
            case BOOLEAN:
                return schema("type", "boolean");
            case BYTE:
            case SHORT:
            case INT:
                return schema("type", "integer", "format", "int32");
            case LONG:
                return schema("type", "integer", "format", "int64");
            case FLOAT:
            case DOUBLE:
                return schema("type", "number");
            case CHAR:
                return schema("type", "string", "minLength", 1, "maxLength", 1);
            case ARRAY:
                TypeMirror component = ((ArrayType) type).getComponentType();
                if (component.getKind() == TypeKind.BYTE) {
                    return schema("type", "string", "contentEncoding", "base64");
                }
                return schema("type", "array", "items", schemaOf(component, List.of(), path + "[]"));
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return valueSchema(wildcard.getExtendsBound(), path);
                }
                return new LinkedHashMap<>();
            case DECLARED:
                return declaredSchema((DeclaredType) type, path);
            case ERROR:
                // javac reports the missing type itself.
                throw new UnsupportedTypeException(type.toString(), path, null);
            default:
                throw unsupported(type, path, Message.TypeReason.NO_JSON_FORM.format(type.getKind()));
        }
    }

    private Map<String, Object> declaredSchema(DeclaredType type, String path) {
        TypeElement element = (TypeElement) type.asElement();
        String qualifiedName = element.getQualifiedName().toString();
        Map<String, Object> scalar = SCALARS.get(qualifiedName);
        if (scalar != null) {
            return new LinkedHashMap<>(scalar);
        }
        if (isSubtype(type, "java.util.Map")) {
            List<? extends TypeMirror> arguments = supertypeArguments(type, "java.util.Map");
            if (arguments.size() != 2 || !isDeclaredType(arguments.get(0), "java.lang.String")) {
                throw unsupported(
                        type,
                        path,
                        Message.TypeReason.MAP_KEY.format(
                                (arguments.size() == 2) ? simpleTypeName(arguments.get(1)) : "T"));
            }
            return schema("type", "object", "additionalProperties", schemaOf(arguments.get(1), List.of(), path + "{}"));
        }
        if (isSubtype(type, "java.lang.Iterable")) {
            List<? extends TypeMirror> arguments = supertypeArguments(type, "java.lang.Iterable");
            if (arguments.size() != 1) {
                throw unsupported(type, path, Message.TypeReason.RAW_COLLECTION.format(element.getSimpleName()));
            }
            Map<String, Object> schema =
                    schema("type", "array", "items", schemaOf(arguments.get(0), List.of(), path + "[]"));
            if (isSubtype(type, "java.util.Set")) {
                schema.put("uniqueItems", true);
            }
            return schema;
        }
        if (qualifiedName.startsWith("java.") || qualifiedName.startsWith("javax.")) {
            throw unsupported(type, path, JdkTypeReplacements.reason(element));
        }
        if (!type.getTypeArguments().isEmpty()
                && type.getTypeArguments().stream().anyMatch(argument -> argument.getKind() == TypeKind.TYPEVAR)) {
            throw unsupported(
                    type, path, Message.TypeReason.TYPE_ARGUMENTS_NOT_CONCRETE.format(element.getSimpleName()));
        }
        if (element.getTypeParameters().size() != type.getTypeArguments().size()) {
            throw unsupported(type, path, Message.TypeReason.RAW_GENERIC.format(element.getSimpleName()));
        }
        String key = typeKey(type);
        if (!this.definitions.containsKey(key)) {
            Map<String, Object> schema = new LinkedHashMap<>();
            this.definitions.put(key, new Definition(key, typeName(type), schema));
            schema.putAll(definitionSchema(type, element, path));
        }
        return reference(key);
    }

    private Map<String, Object> reference(String key) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("$ref", key);
        return reference;
    }

    private Map<String, Object> definitionSchema(DeclaredType type, TypeElement element, String path) {
        Map<String, Object> schema = new LinkedHashMap<>();
        String description = Javadoc.description(this.elements.getDocComment(element));
        if (description != null) {
            schema.put("description", description);
        }
        if (element.getKind() == ElementKind.ENUM) {
            schema.putAll(enumSchema(type, element, path));
            return schema;
        }
        if (element.getModifiers().contains(Modifier.SEALED)) {
            schema.putAll(unionSchema(type, element, path));
            return schema;
        }
        if (element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT)) {
            throw unsupported(type, path, Message.TypeReason.NOT_CONCRETE.format());
        }
        if (element.getKind() != ElementKind.RECORD && element.getKind() != ElementKind.CLASS) {
            throw unsupported(type, path, Message.TypeReason.NOT_DATA.format());
        }
        schema.putAll(objectSchema(type, element, path, null, null));
        return schema;
    }

    private Map<String, Object> enumSchema(DeclaredType type, TypeElement element, String path) {
        for (Element member : element.getEnclosedElements()) {
            if (find(member.getAnnotationMirrors(), JACKSON + "JsonValue") != null) {
                List<Object> values = this.enumJsonValues.values(element, member);
                if (values == null) {
                    throw unsupported(type, path, Message.TypeReason.ENUM_JSON_VALUE_COMPUTED.format());
                }
                boolean numbers = values.stream().allMatch(value -> value instanceof Number);
                if (!numbers && !values.stream().allMatch(value -> value instanceof String)) {
                    throw unsupported(type, path, Message.TypeReason.ENUM_JSON_VALUES_MIXED.format());
                }
                return schema("type", numbers ? "integer" : "string", "enum", values);
            }
        }
        List<Object> values = new ArrayList<>();
        for (Element member : element.getEnclosedElements()) {
            if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                String renamed = stringValue(find(member.getAnnotationMirrors(), JACKSON + "JsonProperty"), "value");
                values.add(
                        (renamed != null && !renamed.isEmpty())
                                ? renamed
                                : member.getSimpleName().toString());
            }
        }
        return schema("type", "string", "enum", values);
    }

    private Map<String, Object> unionSchema(DeclaredType type, TypeElement element, String path) {
        AnnotationMirror typeInfo = find(element.getAnnotationMirrors(), JACKSON + "JsonTypeInfo");
        if (typeInfo == null) {
            throw unsupported(type, path, Message.TypeReason.SEALED_WITHOUT_TYPE_INFO.format());
        }
        String use = enumValue(typeInfo, "use");
        String include = enumValue(typeInfo, "include");
        if (!"NAME".equals(use)
                || !(include == null || "PROPERTY".equals(include) || "EXISTING_PROPERTY".equals(include))) {
            throw unsupported(type, path, Message.TypeReason.SEALED_TYPE_INFO_UNSUPPORTED.format());
        }
        String property = stringValue(typeInfo, "property");
        if (property == null || property.isEmpty()) {
            property = "@type";
        }
        Map<TypeElement, String> subtypes = subtypes(element);
        List<Object> oneOf = new ArrayList<>();
        Map<String, Object> mapping = new LinkedHashMap<>();
        for (Map.Entry<TypeElement, String> subtype : subtypes.entrySet()) {
            TypeElement subtypeElement = subtype.getKey();
            if (!subtypeElement.getTypeParameters().isEmpty()) {
                throw unsupported(
                        type, path, Message.TypeReason.SEALED_SUBTYPE_GENERIC.format(subtypeElement.getSimpleName()));
            }
            DeclaredType subtypeType = this.types.getDeclaredType(subtypeElement);
            String key = typeKey(subtypeType);
            if (!this.definitions.containsKey(key)) {
                Map<String, Object> schema = new LinkedHashMap<>();
                this.definitions.put(key, new Definition(key, typeName(subtypeType), schema));
                String description = Javadoc.description(this.elements.getDocComment(subtypeElement));
                if (description != null) {
                    schema.put("description", description);
                }
                schema.putAll(objectSchema(subtypeType, subtypeElement, path, property, subtype.getValue()));
            }
            oneOf.add(reference(key));
            mapping.put(subtype.getValue(), reference(key));
        }
        Map<String, Object> schema = schema("oneOf", oneOf);
        schema.put("discriminator", schema("propertyName", property, "mapping", mapping));
        return schema;
    }

    /** The concrete subtypes of a sealed type with their type names, from {@code @JsonSubTypes} or the permits clause. */
    private Map<TypeElement, String> subtypes(TypeElement sealed) {
        Map<TypeElement, String> names = new LinkedHashMap<>();
        AnnotationMirror subTypes = find(sealed.getAnnotationMirrors(), JACKSON + "JsonSubTypes");
        if (subTypes != null) {
            for (AnnotationValue value : listValue(subTypes, "value")) {
                AnnotationMirror entry = (AnnotationMirror) value.getValue();
                Object subtypeClass = valueOf(entry, "value");
                if (subtypeClass instanceof DeclaredType declared) {
                    TypeElement subtype = (TypeElement) declared.asElement();
                    String name = stringValue(entry, "name");
                    names.put(subtype, (name != null && !name.isEmpty()) ? name : typeId(subtype));
                }
            }
        }
        Deque<TypeElement> pending = new ArrayDeque<>();
        pending.add(sealed);
        while (!pending.isEmpty()) {
            TypeElement current = pending.removeFirst();
            for (TypeMirror permitted : current.getPermittedSubclasses()) {
                TypeElement subtype = (TypeElement) ((DeclaredType) permitted).asElement();
                if (subtype.getModifiers().contains(Modifier.SEALED)) {
                    pending.add(subtype);
                } else if (!names.containsKey(subtype)) {
                    names.put(subtype, typeId(subtype));
                }
            }
        }
        return names;
    }

    /** The type id Jackson gives a subtype: {@code @JsonTypeName}, else its binary name without the package. */
    private String typeId(TypeElement subtype) {
        String name = stringValue(find(subtype.getAnnotationMirrors(), JACKSON + "JsonTypeName"), "value");
        if (name != null && !name.isEmpty()) {
            return name;
        }
        String binaryName = this.elements.getBinaryName(subtype).toString();
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }

    private Map<String, Object> objectSchema(
            DeclaredType type,
            TypeElement element,
            String path,
            @Nullable String discriminator,
            @Nullable String typeId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        if (discriminator != null) {
            properties.put(discriminator, schema("const", typeId));
            required.add(discriminator);
        }
        AnnotationMirror classInclude = find(element.getAnnotationMirrors(), JACKSON + "JsonInclude");
        Map<String, String> parameterDocs = Javadoc.parameters(this.elements.getDocComment(element));
        boolean kotlin = isKotlinClass(element);
        for (Property property : properties(type, element)) {
            if (find(property.annotations(), JACKSON + "JsonIgnore") != null
                    && !Boolean.FALSE.equals(valueOf(find(property.annotations(), JACKSON + "JsonIgnore"), "value"))) {
                continue;
            }
            String name = property.name();
            String renamed = stringValue(find(property.annotations(), JACKSON + "JsonProperty"), "value");
            if (renamed != null && !renamed.isEmpty()) {
                name = renamed;
            }
            String propertyPath = simpleName(element) + "." + property.name();
            if (!kotlin) {
                warnOfInvisibleNullable(property, propertyPath);
            }
            // A Kotlin class's JetBrains @Nullable (String?) is not kept at run time, but the server reads
            // the same nullability from Kotlin's metadata.
            Map<String, Object> schema = schemaOf(property.type(), property.annotations(), propertyPath, !kotlin);
            String description = (property.documentation() != null)
                    ? Javadoc.description(property.documentation())
                    : parameterDocs.get(property.name());
            if (description != null) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("description", description);
                described.putAll(schema);
                schema = described;
            }
            properties.put(name, schema);
            AnnotationMirror include = find(property.annotations(), JACKSON + "JsonInclude");
            String inclusion = enumValue(include != null ? include : classInclude, "value");
            boolean alwaysWritten = inclusion == null || "ALWAYS".equals(inclusion) || "USE_DEFAULTS".equals(inclusion);
            boolean explicitlyRequired =
                    Boolean.TRUE.equals(valueOf(find(property.annotations(), JACKSON + "JsonProperty"), "required"));
            if (explicitlyRequired || (alwaysWritten && !isNullable(property.type(), property.annotations(), kotlin))) {
                required.add(name);
            }
        }
        if (element.getKind() == ElementKind.CLASS && properties.isEmpty()) {
            throw unsupported(type, path, Message.TypeReason.NO_PROPERTIES.format());
        }
        Map<String, Object> schema = schema("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (!acceptsUnknownProperties(element)) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    /**
     * Whether Jackson reads a value of the type that has more properties than it lists, which the
     * server otherwise refuses: {@code @JsonIgnoreProperties(ignoreUnknown = true)}, or a {@code
     * @JsonAnySetter} that takes them.
     */
    private boolean acceptsUnknownProperties(TypeElement element) {
        AnnotationMirror ignore = find(element.getAnnotationMirrors(), JACKSON + "JsonIgnoreProperties");
        if (Boolean.TRUE.equals(valueOf(ignore, "ignoreUnknown"))) {
            return true;
        }
        for (Element member : this.elements.getAllMembers(element)) {
            if (find(member.getAnnotationMirrors(), JACKSON + "JsonAnySetter") != null) {
                return true;
            }
        }
        if (element.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement component : element.getRecordComponents()) {
                if (find(component.getAnnotationMirrors(), JACKSON + "JsonAnySetter") != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One property of a record or class.
     *
     * @param element the declaration diagnostics point at: the record component, getter or field
     */
    private record Property(
            String name,
            TypeMirror type,
            List<AnnotationMirror> annotations,
            @Nullable String documentation,
            Element element) {}

    /** Record components in order, or the public getters and fields of a class. */
    private List<Property> properties(DeclaredType type, TypeElement element) {
        List<Property> properties = new ArrayList<>();
        Map<String, VariableElement> fields = new LinkedHashMap<>();
        for (VariableElement field : ElementFilter.fieldsIn(this.elements.getAllMembers(element))) {
            fields.putIfAbsent(field.getSimpleName().toString(), field);
        }
        if (element.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement component : element.getRecordComponents()) {
                ExecutableElement accessor = component.getAccessor();
                // asMemberOf drops type annotations such as List<@NotBlank String>: use it for generic records only.
                TypeMirror componentType = element.getTypeParameters().isEmpty()
                        ? component.asType()
                        : ((ExecutableType) this.types.asMemberOf(type, accessor)).getReturnType();
                String name = component.getSimpleName().toString();
                properties.add(new Property(
                        name,
                        componentType,
                        annotations(component, accessor, fields.get(name)),
                        documentedOrNull(accessor),
                        component));
            }
            return properties;
        }
        Set<String> seen = new HashSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(this.elements.getAllMembers(element))) {
            String name = getterProperty(method);
            if (name == null || !seen.add(name)) {
                continue;
            }
            TypeMirror propertyType = element.getTypeParameters().isEmpty()
                    ? method.getReturnType()
                    : ((ExecutableType) this.types.asMemberOf(type, method)).getReturnType();
            properties.add(new Property(
                    name, propertyType, annotations(method, fields.get(name)), documentedOrNull(method), method));
        }
        for (VariableElement field : fields.values()) {
            Set<Modifier> modifiers = field.getModifiers();
            String name = field.getSimpleName().toString();
            if (modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC) && seen.add(name)) {
                properties.add(new Property(
                        name, this.types.asMemberOf(type, field), annotations(field), documentedOrNull(field), field));
            }
        }
        return properties;
    }

    private @Nullable String documentedOrNull(Element element) {
        String doc = this.elements.getDocComment(element);
        return (doc == null || Javadoc.description(doc) == null) ? null : doc;
    }

    /** The bean property a public getter reads ({@code getName}, or {@code isActive} for a boolean), or {@code null}. */
    private static @Nullable String getterProperty(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        if (!modifiers.contains(Modifier.PUBLIC)
                || modifiers.contains(Modifier.STATIC)
                || !method.getParameters().isEmpty()
                || method.getReturnType().getKind() == TypeKind.VOID
                || !method.getTypeParameters().isEmpty()) {
            return null;
        }
        String name = method.getSimpleName().toString();
        String stem;
        if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
            stem = name.substring(3);
        } else if (name.startsWith("is")
                && name.length() > 2
                && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
            stem = name.substring(2);
        } else {
            return null;
        }
        if (!Character.isUpperCase(stem.charAt(0))) {
            return null;
        }
        // Jackson's default naming lower-cases the leading run of capitals: getURL is "url".
        int upper = 0;
        while (upper < stem.length() && Character.isUpperCase(stem.charAt(upper))) {
            upper++;
        }
        int lowered = (upper > 1 && upper < stem.length()) ? upper - 1 : upper;
        return stem.substring(0, lowered).toLowerCase(Locale.ROOT) + stem.substring(lowered);
    }

    private static List<AnnotationMirror> annotations(@Nullable Element... declarations) {
        List<AnnotationMirror> annotations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element declaration : declarations) {
            if (declaration == null) {
                continue;
            }
            for (AnnotationMirror annotation : declaration.getAnnotationMirrors()) {
                if (seen.add(annotation.toString())) {
                    annotations.add(annotation);
                }
            }
        }
        return annotations;
    }

    private void applyConstraints(Map<String, Object> schema, List<AnnotationMirror> annotations, TypeMirror type) {
        String kind = jsonKind(type);
        for (AnnotationMirror annotation : annotations) {
            String name = annotationType(annotation).getQualifiedName().toString();
            if (!name.startsWith(CONSTRAINTS)) {
                continue;
            }
            switch (name.substring(CONSTRAINTS.length())) {
                case "NotBlank" -> {
                    schema.put("minLength", 1);
                    schema.put("pattern", "\\S");
                }
                case "NotEmpty" -> sizeBound(schema, kind, "min", 1);
                case "Size" -> {
                    Object min = valueOf(annotation, "min");
                    Object max = valueOf(annotation, "max");
                    if (min instanceof Integer value && value > 0) {
                        sizeBound(schema, kind, "min", value);
                    }
                    if (max instanceof Integer value && value < Integer.MAX_VALUE) {
                        sizeBound(schema, kind, "max", value);
                    }
                }
                case "Min" -> schema.put("minimum", valueOf(annotation, "value"));
                case "Max" -> schema.put("maximum", valueOf(annotation, "value"));
                case "DecimalMin" -> decimalBound(schema, annotation, "minimum", "exclusiveMinimum");
                case "DecimalMax" -> decimalBound(schema, annotation, "maximum", "exclusiveMaximum");
                case "Positive" -> schema.put("exclusiveMinimum", 0);
                case "PositiveOrZero" -> schema.put("minimum", 0);
                case "Negative" -> schema.put("exclusiveMaximum", 0);
                case "NegativeOrZero" -> schema.put("maximum", 0);
                case "Email" -> schema.put("format", "email");
                case "Pattern" -> {
                    // Bean validation matches the whole value; JSON Schema searches, hence the anchors.
                    schema.put("pattern", "^(?:" + stringValue(annotation, "regexp") + ")$");
                }
                default -> {
                    // Other constraints (@Future, @AssertTrue, ...) have no JSON Schema keyword.
                }
            }
        }
    }

    private static void sizeBound(Map<String, Object> schema, String kind, String bound, int value) {
        String suffix = switch (kind) {
            case "array" -> "Items";
            case "object" -> "Properties";
            default -> "Length";
        };
        schema.put(bound + suffix, value);
    }

    private static void decimalBound(
            Map<String, Object> schema, AnnotationMirror annotation, String inclusive, String exclusive) {
        Object value = valueOf(annotation, "value");
        if (!(value instanceof String text)) {
            return;
        }
        BigDecimal bound = new BigDecimal(text);
        schema.put(Boolean.FALSE.equals(valueOf(annotation, "inclusive")) ? exclusive : inclusive, bound);
    }

    private String jsonKind(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? "string" : "array";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            if (isSubtype(type, "java.util.Map")) {
                return "object";
            }
            if (isSubtype(type, "java.lang.Iterable")) {
                return "array";
            }
        }
        return "string";
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.get("type") instanceof String type && !schema.containsKey("$ref")) {
            Map<String, Object> copy = new LinkedHashMap<>(schema);
            copy.put("type", List.of(type, "null"));
            if (copy.get("enum") instanceof List<?> values) {
                List<Object> withNull = new ArrayList<>(values);
                withNull.add(null);
                copy.put("enum", withNull);
            }
            return copy;
        }
        return schema("anyOf", List.of(schema, schema("type", "null")));
    }

    private TypeMirror singleArgument(DeclaredType type, String path) {
        if (type.getTypeArguments().size() != 1) {
            throw unsupported(type, path, Message.TypeReason.RAW_OPTIONAL.format());
        }
        TypeMirror argument = type.getTypeArguments().get(0);
        return (argument instanceof WildcardType wildcard && wildcard.getExtendsBound() != null)
                ? wildcard.getExtendsBound()
                : argument;
    }

    private boolean isSubtype(TypeMirror type, String qualifiedName) {
        return TypeMirrors.isSubtype(this.elements, this.types, type, qualifiedName);
    }

    /** The type arguments with which a type extends or implements the named generic type. */
    private List<? extends TypeMirror> supertypeArguments(TypeMirror type, String qualifiedName) {
        int expected =
                this.elements.getTypeElement(qualifiedName).getTypeParameters().size();
        List<? extends TypeMirror> own = ((DeclaredType) type).getTypeArguments();
        String ownName = ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName()
                .toString();
        if (own.size() == expected && ownName.startsWith("java.util.")) {
            // List<@NotBlank String>: the supertypes would lose the type annotations of the arguments.
            return own;
        }
        DeclaredType supertype = asSupertype(this.types, type, qualifiedName);
        return (supertype != null) ? supertype.getTypeArguments() : List.of();
    }

    /** A key that identifies a type with its type arguments, without type annotations. */
    private static String typeKey(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                String name =
                        ((TypeElement) declared.asElement()).getQualifiedName().toString();
                yield declared.getTypeArguments().isEmpty()
                        ? name
                        : name
                                + declared.getTypeArguments().stream()
                                        .map(ContractSchemas::typeKey)
                                        .collect(Collectors.joining(",", "<", ">"));
            }
            case ARRAY -> typeKey(((ArrayType) type).getComponentType()) + "[]";
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield (wildcard.getExtendsBound() != null) ? typeKey(wildcard.getExtendsBound()) : "?";
            }
            default -> type.getKind().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The preferred definition name: nested simple names joined, type arguments appended. */
    private static String typeName(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                String name = simpleName((TypeElement) declared.asElement());
                yield declared.getTypeArguments().isEmpty()
                        ? name
                        : name + "Of"
                                + declared.getTypeArguments().stream()
                                        .map(ContractSchemas::typeName)
                                        .collect(Collectors.joining("And"));
            }
            case ARRAY -> typeName(((ArrayType) type).getComponentType()) + "Array";
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield (wildcard.getExtendsBound() != null) ? typeName(wildcard.getExtendsBound()) : "Any";
            }
            default -> {
                String kind = type.getKind().name().toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            }
        };
    }

    /** The simple names of a type and the types enclosing it, joined: {@code Order.Line} is {@code OrderLine}. */
    private static String simpleName(TypeElement element) {
        StringBuilder name = new StringBuilder(element.getSimpleName());
        for (Element outer = element.getEnclosingElement();
                outer instanceof TypeElement type;
                outer = type.getEnclosingElement()) {
            name.insert(0, type.getSimpleName());
        }
        return name.toString();
    }

    /** A type as a message names it in code to write: without packages ({@code List<Item>}). */
    private static String simpleTypeName(TypeMirror type) {
        return typeKey(type).replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace(",", ", ");
    }

    /**
     * A type the contract cannot describe.
     *
     * @param reason a {@link Message.TypeReason}, formatted: why, and what to use instead
     */
    private static UnsupportedTypeException unsupported(TypeMirror type, String path, String reason) {
        return new UnsupportedTypeException(type.toString(), path, reason);
    }

    private static Map<String, Object> schema(Object... keysAndValues) {
        Map<String, Object> schema = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            schema.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return schema;
    }

    /** An element's value as written, or its default. */
    private static @Nullable Object valueOf(@Nullable AnnotationMirror annotation, String name) {
        if (annotation == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        for (ExecutableElement element :
                ElementFilter.methodsIn(annotationType(annotation).getEnclosedElements())) {
            if (element.getSimpleName().contentEquals(name) && element.getDefaultValue() != null) {
                return element.getDefaultValue().getValue();
            }
        }
        return null;
    }

    private static @Nullable String stringValue(@Nullable AnnotationMirror annotation, String name) {
        return (valueOf(annotation, name) instanceof String value) ? value : null;
    }

    private static @Nullable String enumValue(@Nullable AnnotationMirror annotation, String name) {
        return (valueOf(annotation, name) instanceof VariableElement constant)
                ? constant.getSimpleName().toString()
                : null;
    }

    @SuppressWarnings("unchecked")
    private static List<AnnotationValue> listValue(AnnotationMirror annotation, String name) {
        Object value = valueOf(annotation, name);
        return (value instanceof List<?> list) ? (List<AnnotationValue>) list : List.of();
    }

    private static Map<String, Map<String, Object>> scalars() {
        Map<String, Map<String, Object>> scalars = new LinkedHashMap<>();
        scalars.put("java.lang.String", schema("type", "string"));
        scalars.put("java.lang.Character", schema("type", "string", "minLength", 1, "maxLength", 1));
        scalars.put("java.lang.Boolean", schema("type", "boolean"));
        scalars.put("java.lang.Byte", schema("type", "integer", "format", "int32"));
        scalars.put("java.lang.Short", schema("type", "integer", "format", "int32"));
        scalars.put("java.lang.Integer", schema("type", "integer", "format", "int32"));
        scalars.put("java.lang.Long", schema("type", "integer", "format", "int64"));
        scalars.put("java.lang.Float", schema("type", "number"));
        scalars.put("java.lang.Double", schema("type", "number"));
        // Written as strings by CentrifugoJson, so that no client loses digits.
        scalars.put("java.math.BigInteger", schema("type", "string", "format", "big-integer", "pattern", "^-?[0-9]+$"));
        scalars.put(
                "java.math.BigDecimal",
                schema("type", "string", "format", "decimal", "pattern", "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
        scalars.put("java.util.UUID", schema("type", "string", "format", "uuid"));
        scalars.put("java.time.Instant", schema("type", "string", "format", "date-time"));
        scalars.put("java.time.OffsetDateTime", schema("type", "string", "format", "date-time"));
        scalars.put("java.time.ZonedDateTime", schema("type", "string", "format", "date-time"));
        scalars.put("java.time.LocalDate", schema("type", "string", "format", "date"));
        scalars.put("java.time.LocalDateTime", schema("type", "string", "format", "local-date-time"));
        scalars.put("java.time.LocalTime", schema("type", "string", "format", "local-time"));
        scalars.put("java.time.Duration", schema("type", "string", "format", "iso-8601-duration"));
        scalars.put("java.lang.Object", schema());
        scalars.put("tools.jackson.databind.JsonNode", schema());
        scalars.put("tools.jackson.databind.node.ObjectNode", schema("type", "object"));
        scalars.put("tools.jackson.databind.node.ArrayNode", schema("type", "array"));
        scalars.put("com.fasterxml.jackson.databind.JsonNode", schema());
        return Map.copyOf(scalars);
    }
}
