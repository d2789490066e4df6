package dev.centrifugo4j.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code META-INF/centrifugo/contract.json} into the {@link Contract} model: the JSON Schema
 * of each type becomes a {@link TypeRef} or a {@link TypeDefinition}.
 */
public final class ContractReader {

    private static final String DEFS = "#/$defs/";

    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * Reads a contract.
     *
     * @param json the contract's text
     * @return the model
     * @throws InvalidContractException when the text is not a contract this generator understands
     */
    public Contract read(String json) {
        JsonNode root;
        try {
            root = this.mapper.readTree(json);
        } catch (JacksonException ex) {
            throw new InvalidContractException("The contract is not JSON: " + ex.getOriginalMessage(), ex);
        }
        if (!root.path("version").isString()) {
            throw new InvalidContractException("The contract has no version: it was not written by the processor");
        }
        List<Contract.RpcMethod> methods = new ArrayList<>();
        for (JsonNode method : root.path("rpc")) {
            methods.add(new Contract.RpcMethod(
                    method.path("name").asString(),
                    method.path("description").asString(""),
                    method.path("async").asBoolean(false),
                    optional(method.get("params")),
                    optional(method.get("result"))));
        }
        List<Contract.Channel> channels = new ArrayList<>();
        for (JsonNode channel : root.path("channels")) {
            channels.add(channel(channel, channel.path("operation").asString()));
        }
        for (JsonNode typed : root.path("typedChannels")) {
            channels.add(channel(typed, Contract.Channel.PUBLICATION));
        }
        Map<String, TypeDefinition> definitions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("$defs").properties()) {
            definitions.put(entry.getKey(), definition(entry.getKey(), entry.getValue()));
        }
        return new Contract(root.path("version").asString(), methods, channels, definitions);
    }

    private Contract.Channel channel(JsonNode channel, String operation) {
        List<Contract.Variable> variables = new ArrayList<>();
        for (JsonNode variable : channel.path("variables")) {
            variables.add(new Contract.Variable(variable.path("name").asString(), typeOf(variable.path("schema"))));
        }
        return new Contract.Channel(
                channel.path("pattern").asString(),
                operation,
                variables,
                channel.path("description").asString(""),
                optional(channel.get("data")));
    }

    private Optional<TypeRef> optional(JsonNode schema) {
        return (schema == null || schema.isNull()) ? Optional.empty() : Optional.of(typeOf(schema));
    }

    private TypeDefinition definition(String name, JsonNode schema) {
        String description = schema.path("description").asString("");
        if (schema.has("oneOf")) {
            JsonNode discriminator = schema.path("discriminator");
            Map<String, String> variants = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry :
                    discriminator.path("mapping").properties()) {
                variants.put(
                        entry.getKey(),
                        referencedName(entry.getValue().path("$ref").asString()));
            }
            return new TypeDefinition.UnionType(
                    name, description, discriminator.path("propertyName").asString(), variants);
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add(value.asString()));
            return new TypeDefinition.EnumType(name, description, values);
        }
        if ("object".equals(schema.path("type").asString(""))) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(value -> required.add(value.asString()));
            List<TypeDefinition.Property> properties = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
                properties.add(new TypeDefinition.Property(
                        entry.getKey(),
                        entry.getValue().path("description").asString(""),
                        typeOf(entry.getValue()),
                        required.contains(entry.getKey())));
            }
            return new TypeDefinition.ObjectType(name, description, properties);
        }
        throw new InvalidContractException("Definition " + name + " is neither an object, an enum nor a union");
    }

    private TypeRef typeOf(JsonNode schema) {
        if (schema.has("$ref")) {
            return new TypeRef.Named(referencedName(schema.path("$ref").asString()));
        }
        if (schema.has("anyOf")) {
            JsonNode anyOf = schema.path("anyOf");
            if (anyOf.size() == 2 && "null".equals(anyOf.get(1).path("type").asString(""))) {
                return new TypeRef.Nullable(typeOf(anyOf.get(0)));
            }
            throw new InvalidContractException("Unexpected anyOf: " + schema);
        }
        if (schema.has("const")) {
            return new TypeRef.Literal(schema.path("const").asString());
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            // ["string", "null"]: the nullable form of a scalar or an inline enum.
            if (type.size() != 2 || !"null".equals(type.get(1).asString())) {
                throw new InvalidContractException("Unexpected type list: " + schema);
            }
            Map<String, Object> single = new LinkedHashMap<>();
            schema.properties().forEach(entry -> single.put(entry.getKey(), entry.getValue()));
            single.put("type", type.get(0).asString());
            if (schema.has("enum")) {
                List<String> values = new ArrayList<>();
                schema.path("enum").forEach(value -> {
                    if (!value.isNull()) {
                        values.add(value.asString());
                    }
                });
                single.put("enum", values);
            }
            return new TypeRef.Nullable(typeOf(this.mapper.valueToTree(single)));
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add(value.asString()));
            return new TypeRef.InlineEnum(values);
        }
        String format = schema.path("format").asString("");
        TypeRef bare = switch (type.asString("")) {
            case "string" -> new TypeRef.Scalar(TypeRef.Kind.STRING, format);
            case "integer" -> new TypeRef.Scalar(TypeRef.Kind.INTEGER, format);
            case "number" -> new TypeRef.Scalar(TypeRef.Kind.NUMBER, format);
            case "boolean" -> new TypeRef.Scalar(TypeRef.Kind.BOOLEAN, format);
            case "array" -> new TypeRef.ArrayOf(schema.has("items") ? typeOf(schema.path("items")) : new TypeRef.Any());
            case "object" ->
                new TypeRef.MapOf(
                        schema.has("additionalProperties")
                                ? typeOf(schema.path("additionalProperties"))
                                : new TypeRef.Any());
            case "" -> new TypeRef.Any();
            default -> throw new InvalidContractException("Unexpected type: " + schema);
        };
        Facets facets = facetsOf(schema);
        return facets.isEmpty() ? bare : new TypeRef.Faceted(bare, facets);
    }

    private static Facets facetsOf(JsonNode schema) {
        return new Facets(
                integer(schema, "minLength"),
                integer(schema, "maxLength"),
                schema.has("pattern") ? schema.path("pattern").asString() : null,
                decimal(schema, "minimum"),
                decimal(schema, "maximum"),
                decimal(schema, "exclusiveMinimum"),
                decimal(schema, "exclusiveMaximum"),
                schema.has("minItems") ? integer(schema, "minItems") : integer(schema, "minProperties"),
                schema.has("maxItems") ? integer(schema, "maxItems") : integer(schema, "maxProperties"),
                schema.path("uniqueItems").asBoolean(false),
                schema.has("contentEncoding") ? schema.path("contentEncoding").asString() : null);
    }

    private static @Nullable Integer integer(JsonNode schema, String keyword) {
        return schema.path(keyword).isNumber() ? schema.path(keyword).asInt() : null;
    }

    private static @Nullable BigDecimal decimal(JsonNode schema, String keyword) {
        JsonNode value = schema.path(keyword);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value.isString() ? new BigDecimal(value.asString()) : null;
    }

    private static String referencedName(String reference) {
        if (!reference.startsWith(DEFS)) {
            throw new InvalidContractException("Unexpected $ref " + reference + ": expected " + DEFS + "<name>");
        }
        return reference.substring(DEFS.length());
    }
}
