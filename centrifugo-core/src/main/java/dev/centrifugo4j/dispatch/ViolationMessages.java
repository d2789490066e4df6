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
 *
 * <p>Only public vocabulary goes to the client: the simple names of Jakarta Validation's and
 * Hibernate Validator's built-in constraints ({@code NotBlank}, {@code Size}, ...); an application's
 * own constraint is reported with an empty {@code constraint}, its annotation's name staying on the
 * server. A message that the validator could not interpolate (the template of a custom constraint
 * without its bundle entry, such as {@code {com.acme.Sku.message}}) becomes {@code "is invalid"}.
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
                    message(violation)));
        }
        items.sort(ORDER);
        return this.mapper.writeValueAsString(new Body("validation failed", items));
    }

    private static String constraint(ConstraintDescriptor<?> descriptor) {
        if (descriptor == null || descriptor.getAnnotation() == null) {
            return "";
        }
        Class<?> type = descriptor.getAnnotation().annotationType();
        String name = type.getName();
        return (name.startsWith(BUILT_IN) || name.startsWith(HIBERNATE_BUILT_IN)) ? type.getSimpleName() : "";
    }

    private static String message(ConstraintViolation<?> violation) {
        String message = violation.getMessage();
        if (message == null || message.isEmpty()) {
            return UNINTERPOLATED;
        }
        String template = violation.getMessageTemplate();
        // Hibernate Validator leaves a {key} it finds in no bundle as it is: a class name, for custom constraints.
        boolean uninterpolated = message.equals(template) && message.startsWith("{") && message.endsWith("}");
        return uninterpolated ? UNINTERPOLATED : message;
    }

    private static final String BUILT_IN = "jakarta.validation.constraints.";

    private static final String HIBERNATE_BUILT_IN = "org.hibernate.validator.constraints.";

    private static final String UNINTERPOLATED = "is invalid";

    record Body(String message, List<Violation> violations) {}

    record Violation(String field, String constraint, String message) {}
}
