package dev.centrifugo4j.contract;

import java.util.List;

/** A use of a type in the contract: a property, a parameter, a result, a channel variable. */
public sealed interface TypeRef {

    <R> R accept(Visitor<R> visitor);

    /** One case per kind of type; a mapper per language implements it, so that no kind is forgotten. */
    interface Visitor<R> {
        R visitScalar(Scalar scalar);

        R visitAny(Any any);

        R visitArray(ArrayOf array);

        R visitMap(MapOf map);

        R visitNamed(Named named);

        R visitNullable(Nullable nullable);

        R visitLiteral(Literal literal);

        R visitEnum(InlineEnum inlineEnum);

        /**
         * A type with {@link Facets} (constraints, content encoding). By default the facets are
         * ignored and the type is visited: a mapper that uses them overrides this.
         */
        default R visitFaceted(Faceted faceted) {
            return faceted.type().accept(this);
        }
    }

    /** The JSON kinds of a scalar. */
    enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN
    }

    /**
     * A JSON scalar.
     *
     * @param kind its JSON kind
     * @param format the schema's {@code format} (for example {@code date-time}), or empty
     */
    record Scalar(Kind kind, String format) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitScalar(this);
        }
    }

    /** Any JSON value ({@code Object}, {@code JsonNode}). */
    record Any() implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAny(this);
        }
    }

    /** A JSON array. */
    record ArrayOf(TypeRef items) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitArray(this);
        }
    }

    /** A JSON object with string keys and values of one type ({@code Map<String, T>}). */
    record MapOf(TypeRef values) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitMap(this);
        }
    }

    /** A type defined in the contract's {@code $defs}. */
    record Named(String name) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNamed(this);
        }
    }

    /** A value that may be {@code null} (or missing, for a property that is not required). */
    record Nullable(TypeRef type) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNullable(this);
        }
    }

    /** One fixed string, such as the type id of a subtype. */
    record Literal(String value) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLiteral(this);
        }
    }

    /** One of fixed strings, written in place (a nullable enum property). */
    record InlineEnum(List<String> values) implements TypeRef {
        public InlineEnum {
            values = List.copyOf(values);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitEnum(this);
        }
    }

    /**
     * A type whose schema carries {@link Facets}: the constraints of bean validation and the content
     * encoding. The reader wraps a scalar, an array or a map in it only when there are facets.
     */
    record Faceted(TypeRef type, Facets facets) implements TypeRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitFaceted(this);
        }
    }

    /** The type without its facets. */
    static TypeRef bare(TypeRef type) {
        return (type instanceof Faceted faceted) ? faceted.type() : type;
    }
}
