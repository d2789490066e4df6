package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.TypeMirrors.isDeclaredType;

import dev.centrifugo4j.contract.ChannelPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Describes the checked handler methods and the typed channels as entries of the contract, with
 * their doc comments and the JSON Schemas of their types, and adds them to the {@link
 * ContractWriter}. A type that the contract cannot describe is an error, reported on the parameter
 * that uses it (on the method for its result, on the annotation for a typed channel).
 */
final class ContractEntries {

    private final Elements elements;

    private final Types types;

    private final ContractSchemas schemas;

    private final ContractWriter contract;

    private final Diagnostics diagnostics;

    ContractEntries(
            Elements elements, Types types, ContractSchemas schemas, ContractWriter contract, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.schemas = schemas;
        this.contract = contract;
        this.diagnostics = diagnostics;
    }

    /**
     * Adds the methods of one handler class to the contract.
     *
     * @return {@code false} when one of their types cannot be described (reported), in which case
     *     none of them is added
     */
    boolean addHandler(TypeElement handler, List<RpcMethod> rpcMethods, List<ChannelMethod> channelMethods) {
        String handlerName = handler.getQualifiedName().toString();
        List<Map<String, Object>> rpcEntries = new ArrayList<>();
        List<Map<String, Object>> channelEntries = new ArrayList<>();
        boolean valid = true;
        for (RpcMethod method : rpcMethods) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", method.name());
            putDescription(entry, method.element());
            entry.put("handler", handlerName);
            entry.put("async", method.async());
            for (int i = 0; i < method.parameters().size(); i++) {
                VariableElement parameter = method.element().getParameters().get(i);
                if (method.parameters().get(i) == RpcMethod.Argument.PARAMS) {
                    valid &= putSchema(entry, "params", parameter.asType(), parameter, method.element());
                }
            }
            TypeMirror result = resultType(method.handlerReturn());
            if (result != null) {
                // A suspend function's method returns Object, @Nullable in kapt's stubs: its annotations
                // say nothing of the coroutine's result.
                Element declaration = (method.handlerReturn().kind() == HandlerReturn.Kind.SUSPEND)
                        ? method.handlerReturn().continuation()
                        : method.element();
                valid &= putSchema(entry, "result", result, declaration, method.element());
            }
            rpcEntries.add(entry);
        }
        for (ChannelMethod method : channelMethods) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pattern", method.pattern());
            entry.put("operation", method.annotation().operation().toLowerCase(Locale.ROOT));
            Map<String, Object> variables = new LinkedHashMap<>();
            if (PatternCheck.parse(method.pattern()) instanceof PatternCheck.Parsed parsed) {
                // A variable no parameter binds is a plain string.
                parsed.pattern().variableNames().forEach(variable -> variables.put(variable, stringSchema()));
            }
            List<Object> variableList = new ArrayList<>();
            entry.put("variables", variableList);
            entry.put("handler", handlerName);
            putDescription(entry, method.element());
            for (int i = 0; i < method.parameters().size(); i++) {
                ChannelMethod.Parameter parameter = method.parameters().get(i);
                VariableElement element = method.element().getParameters().get(i);
                if (parameter.kind() == ChannelMethod.Kind.PAYLOAD) {
                    valid &= putSchema(entry, "data", element.asType(), element, method.element());
                } else if (parameter.kind() == ChannelMethod.Kind.VARIABLE) {
                    valid &= putSchema(variables, parameter.variable(), element.asType(), element, method.element());
                }
            }
            variableList.addAll(describeVariables(variables));
            channelEntries.add(entry);
        }
        if (valid) {
            rpcEntries.forEach(this.contract::addRpc);
            channelEntries.forEach(this.contract::addChannel);
        }
        return valid;
    }

    /**
     * Adds a typed channel to the contract.
     *
     * @param type the publication type
     * @param pattern the pattern it declares
     * @param annotation its {@code @ChannelPublication}
     * @return {@code false} when the type cannot be described (reported), in which case nothing is
     *     added
     */
    boolean addTypedChannel(TypeElement type, ChannelPattern pattern, AnnotationMirror annotation) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pattern", pattern.text());
        Map<String, Object> variables = new LinkedHashMap<>();
        pattern.variableNames().forEach(variable -> variables.put(variable, stringSchema()));
        entry.put("variables", describeVariables(variables));
        entry.put("type", type.getQualifiedName().toString());
        putDescription(entry, type);
        String typeName = type.getSimpleName().toString();
        try {
            entry.put("data", this.schemas.schemaOf(this.types.getDeclaredType(type), List.of(), typeName));
        } catch (ContractSchemas.UnsupportedTypeException ex) {
            if (!ex.reportedByJavac()) {
                this.diagnostics.report(
                        Message.UNSUPPORTED_PUBLICATION_TYPE,
                        type,
                        annotation,
                        null,
                        ex.type(),
                        ex.path(),
                        pattern.text(),
                        ex.getMessage());
            }
            return false;
        }
        this.contract.addTypedChannel(entry);
        return true;
    }

    private void putDescription(Map<String, Object> entry, Element element) {
        String description = Javadoc.description(this.elements.getDocComment(element));
        if (description != null) {
            entry.put("description", description);
        }
    }

    /** The type of the data a method answers with, or {@code null} when it answers with none. */
    private static @Nullable TypeMirror resultType(HandlerReturn handlerReturn) {
        TypeMirror result = handlerReturn.result();
        if (result == null || result.getKind() == TypeKind.VOID || isDeclaredType(result, "java.lang.Void")) {
            return null;
        }
        return result;
    }

    /**
     * Puts the schema of a type that a handler method uses under the key.
     *
     * @param declaration the parameter or method whose annotations (constraints, {@code @Nullable})
     *     shape the schema, and on which a type the contract cannot describe is reported
     * @return {@code false} when the type cannot be described
     */
    private boolean putSchema(
            Map<String, Object> entry, String key, TypeMirror type, Element declaration, ExecutableElement method) {
        try {
            entry.put(key, this.schemas.schemaOf(type, declaration.getAnnotationMirrors(), key));
            return true;
        } catch (ContractSchemas.UnsupportedTypeException ex) {
            if (ex.reportedByJavac()) {
                return false;
            }
            return this.diagnostics.report(
                    Message.UNSUPPORTED_CONTRACT_TYPE,
                    declaration,
                    null,
                    null,
                    ex.type(),
                    ex.path(),
                    method.getSimpleName(),
                    ex.getMessage());
        }
    }

    /** The {@code variables} of an entry: each pattern variable's name and schema, in pattern order. */
    private static List<Object> describeVariables(Map<String, Object> schemas) {
        List<Object> variables = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("name", name);
            variable.put("schema", schema);
            variables.add(variable);
        });
        return variables;
    }

    private static Map<String, Object> stringSchema() {
        return Map.of("type", "string");
    }
}
