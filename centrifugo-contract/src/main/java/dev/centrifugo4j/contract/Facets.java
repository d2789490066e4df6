package dev.centrifugo4j.contract;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a schema says about a value beyond its type: the bean-validation constraints the processor
 * carried over ({@code minLength}, {@code pattern}, {@code minimum}, {@code minItems}, ...) and the
 * {@code contentEncoding} of a string ({@code base64} for {@code byte[]}). A {@code null} component
 * is absent from the schema.
 *
 * @param minLength the fewest characters of a string
 * @param maxLength the most characters of a string
 * @param pattern a regular expression a string must contain a match of (JSON Schema searches)
 * @param minimum the inclusive lower bound of a number
 * @param maximum the inclusive upper bound of a number
 * @param exclusiveMinimum the exclusive lower bound of a number
 * @param exclusiveMaximum the exclusive upper bound of a number
 * @param minItems the fewest elements of an array (also the fewest entries of a map)
 * @param maxItems the most elements of an array (also the most entries of a map)
 * @param uniqueItems whether the elements of an array are distinct (a Java {@code Set})
 * @param contentEncoding how a string encodes binary content, such as {@code base64}
 */
public record Facets(
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable String pattern,
        @Nullable BigDecimal minimum,
        @Nullable BigDecimal maximum,
        @Nullable BigDecimal exclusiveMinimum,
        @Nullable BigDecimal exclusiveMaximum,
        @Nullable Integer minItems,
        @Nullable Integer maxItems,
        boolean uniqueItems,
        @Nullable String contentEncoding) {

    /** Whether the schema says nothing beyond the type. */
    public boolean isEmpty() {
        return this.minLength == null
                && this.maxLength == null
                && this.pattern == null
                && this.minimum == null
                && this.maximum == null
                && this.exclusiveMinimum == null
                && this.exclusiveMaximum == null
                && this.minItems == null
                && this.maxItems == null
                && !this.uniqueItems
                && this.contentEncoding == null;
    }

    /** Whether a string holds base64-encoded bytes ({@code byte[]} in Java). */
    public boolean isBase64() {
        return "base64".equals(this.contentEncoding);
    }
}
