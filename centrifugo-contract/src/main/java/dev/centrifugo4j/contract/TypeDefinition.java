package dev.centrifugo4j.contract;

import java.util.List;
import java.util.Map;

/** A named type of the contract: an object, an enum or a discriminated union. */
public sealed interface TypeDefinition {

    /** The name, unique in the contract. */
    String name();

    /** The Javadoc description, or empty. */
    String description();

    <R> R accept(Visitor<R> visitor);

    /** One case per kind of definition. */
    interface Visitor<R> {
        R visitObject(ObjectType object);

        R visitEnum(EnumType enumType);

        R visitUnion(UnionType union);
    }

    /**
     * One property of an object.
     *
     * @param name the JSON name
     * @param description the Javadoc description, or empty
     * @param type its type
     * @param required whether Jackson always writes it
     */
    record Property(String name, String description, TypeRef type, boolean required) {}

    /** A record or a class with getters. */
    record ObjectType(String name, String description, List<Property> properties) implements TypeDefinition {
        public ObjectType {
            properties = List.copyOf(properties);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitObject(this);
        }
    }

    /** A Java enum, as the strings Jackson writes. */
    record EnumType(String name, String description, List<String> values) implements TypeDefinition {
        public EnumType {
            values = List.copyOf(values);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitEnum(this);
        }
    }

    /**
     * A sealed type: one of several object types, told apart by a property.
     *
     * @param discriminator the property that holds the type id
     * @param variants the name of the object type for each type id, in declaration order
     */
    record UnionType(String name, String description, String discriminator, Map<String, String> variants)
            implements TypeDefinition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitUnion(this);
        }
    }
}
