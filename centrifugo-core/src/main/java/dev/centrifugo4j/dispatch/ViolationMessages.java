package dev.centrifugo4j.dispatch;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formats constraint violations as the machine-readable message of a {@link
 * dev.centrifugo4j.rpc.RpcErrorCodes#VALIDATION_FAILED} error. Sorted, so the same input always gives the same text;
 * non-ASCII characters are escaped because Centrifugo recommends ASCII messages.
 */
final class ViolationMessages {

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::field)
            .thenComparing(Violation::constraint)
            .thenComparing(Violation::message);

    private final JsonMapper mapper =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    String format(Set<? extends ConstraintViolation<?>> violations) {
        List<Violation> items = new ArrayList<>(violations.size());
        for (ConstraintViolation<?> violation : violations) {
            items.add(new Violation(
                    violation.getPropertyPath().toString(),
                    constraint(violation.getConstraintDescriptor()),
                    violation.getMessage()));
        }
        items.sort(ORDER);
        return this.mapper.writeValueAsString(new Body("validation failed", items));
    }

    private static String constraint(ConstraintDescriptor<?> descriptor) {
        return (descriptor != null && descriptor.getAnnotation() != null)
                ? descriptor.getAnnotation().annotationType().getSimpleName()
                : "";
    }

    record Body(String message, List<Violation> violations) {}

    record Violation(String field, String constraint, String message) {}
}
