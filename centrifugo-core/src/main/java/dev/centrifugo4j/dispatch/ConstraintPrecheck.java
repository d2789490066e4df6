package dev.centrifugo4j.dispatch;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells, without calling the validator, that a record certainly has no constraint violations, so
 * that the common case (valid data) skips Bean Validation's deep call path, which costs little
 * when warm but tens of microseconds when it runs cold between calls. It never decides that a
 * value is invalid: when a check fails, or is not sure, the validator runs and produces the
 * reply's messages as before.
 *
 * <p>It is used only where its "certainly valid" implies the validator's: a record whose constraints, as
 * the validator itself reports them ({@link Validator#getConstraintsForClass}, so annotations,
 * XML and programmatic mappings alike), are all built-in constraints it knows ({@code @NotNull},
 * {@code @NotBlank}, {@code @NotEmpty}, {@code @Size}, {@code @Min}, {@code @Max}, {@code
 * @Positive}, {@code @PositiveOrZero}, {@code @Negative}, {@code @NegativeOrZero}) on record
 * components, in the default group only, validated by Hibernate Validator's own built-in
 * validators, and nothing else: no class-level constraint, no cascading ({@code @Valid}), no
 * container element constraint ({@code List<@NotBlank String>}), no group conversion, no composed
 * constraint. Any other record, and every type that is not a record, always goes to the validator.
 * Values of a type a check does not know (a {@code @Size} on an array, a {@code @Min} on a {@code
 * BigDecimal}) go to the validator too. The record's accessors are called through method handles
 * made once.
 *
 * <p>What it cannot see: a custom {@code ConstraintValidatorFactory} that hands out other
 * validators than the built-in classes the metadata names; the names are checked, not the
 * instances.
 */
final class ConstraintPrecheck {

    /** Sends every value to the validator. */
    static final ConstraintPrecheck NONE = new ConstraintPrecheck(new MethodHandle[0], new Check[0][], false);

    /** Where Hibernate Validator keeps the validators of the built-in constraints. */
    private static final String BUILT_IN_VALIDATORS = "org.hibernate.validator.internal.constraintvalidators.";

    private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);

    private final MethodHandle[] accessors;

    private final Check[][] checks;

    private final boolean eligible;

    private ConstraintPrecheck(MethodHandle[] accessors, Check[][] checks, boolean eligible) {
        this.accessors = accessors;
        this.checks = checks;
        this.eligible = eligible;
    }

    /**
     * The pre-check of a type, or {@link #NONE} when it cannot give the validator's verdict exactly.
     *
     * @param validator the validator the value would go to
     * @param type the value's type
     * @return the pre-check
     */
    static ConstraintPrecheck of(Validator validator, Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        BeanDescriptor bean;
        try {
            bean = validator.getConstraintsForClass(type);
        } catch (RuntimeException ex) {
            return NONE;
        }
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return NONE;
        }
        RecordComponent[] components = type.getRecordComponents();
        List<MethodHandle> accessors = new ArrayList<>();
        List<Check[]> checks = new ArrayList<>();
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            if (property.isCascaded()
                    || !property.getConstrainedContainerElementTypes().isEmpty()
                    || !property.getGroupConversions().isEmpty()) {
                return NONE;
            }
            MethodHandle accessor = accessor(components, property.getPropertyName());
            if (accessor == null) {
                return NONE;
            }
            List<Check> propertyChecks = new ArrayList<>();
            for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
                Check check = check(constraint);
                if (check == null) {
                    return NONE;
                }
                propertyChecks.add(check);
            }
            accessors.add(accessor);
            checks.add(propertyChecks.toArray(Check[]::new));
        }
        return new ConstraintPrecheck(accessors.toArray(MethodHandle[]::new), checks.toArray(Check[][]::new), true);
    }

    /** Whether the type's values can skip the validator when they pass ({@code false} for {@link #NONE}). */
    boolean eligible() {
        return this.eligible;
    }

    /**
     * Whether the validator would certainly find no violation in the value.
     *
     * @param value a value of the type this pre-check was made for
     * @return {@code true} when the validator need not run; {@code false} when it must
     */
    boolean certainlyValid(Object value) {
        if (!this.eligible) {
            return false;
        }
        for (int i = 0; i < this.accessors.length; i++) {
            Object component;
            try {
                component = (Object) this.accessors[i].invokeExact(value);
            } catch (Throwable ex) {
                return false;
            }
            for (Check check : this.checks[i]) {
                if (!check.passes(component)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static @Nullable MethodHandle accessor(RecordComponent[] components, String name) {
        for (RecordComponent component : components) {
            if (component.getName().equals(name)) {
                Method method = component.getAccessor();
                if (!method.trySetAccessible()) {
                    return null;
                }
                try {
                    return MethodHandles.lookup().unreflect(method).asType(ACCESSOR);
                } catch (IllegalAccessException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The check of one constraint, or {@code null} when there is none that agrees with the validator. */
    private static @Nullable Check check(ConstraintDescriptor<?> constraint) {
        if (!constraint.getGroups().equals(Set.of(Default.class))
                || !constraint.getComposingConstraints().isEmpty()
                || constraint.getConstraintValidatorClasses().isEmpty()
                || constraint.getConstraintValidatorClasses().stream()
                        .anyMatch((validator) -> !validator.getName().startsWith(BUILT_IN_VALIDATORS))) {
            return null;
        }
        Class<? extends Annotation> type = constraint.getAnnotation().annotationType();
        Map<String, Object> attributes = constraint.getAttributes();
        if (type == NotNull.class) {
            return (value) -> value != null;
        }
        if (type == NotBlank.class) {
            // Not blank for Hibernate Validator 9 (String.isBlank: Unicode white space) and 8
            // (String.trim: characters up to U+0020) alike.
            return (value) -> {
                if (!(value instanceof CharSequence text)) {
                    return false;
                }
                String string = text.toString();
                return !string.isBlank() && !string.trim().isEmpty();
            };
        }
        if (type == NotEmpty.class) {
            return (value) -> (value instanceof CharSequence text && text.length() > 0)
                    || (value instanceof Collection<?> collection && !collection.isEmpty())
                    || (value instanceof Map<?, ?> map && !map.isEmpty());
        }
        if (type == Size.class) {
            if (!(attributes.get("min") instanceof Integer min)
                    || !(attributes.get("max") instanceof Integer max)
                    || min < 0
                    || max < min) {
                return null; // the validator reports the invalid parameters
            }
            return (value) -> {
                int size;
                if (value == null) {
                    return true;
                } else if (value instanceof CharSequence text) {
                    size = text.length();
                } else if (value instanceof Collection<?> collection) {
                    size = collection.size();
                } else if (value instanceof Map<?, ?> map) {
                    size = map.size();
                } else {
                    return false;
                }
                return size >= min && size <= max;
            };
        }
        if (type == Min.class || type == Max.class) {
            if (!(attributes.get("value") instanceof Long bound)) {
                return null;
            }
            boolean min = type == Min.class;
            return (value) -> {
                if (value == null) {
                    return true;
                }
                if (!isIntegral(value)) {
                    return false;
                }
                long number = ((Number) value).longValue();
                return min ? number >= bound : number <= bound;
            };
        }
        if (type == Positive.class) {
            return (value) -> value == null || (isIntegral(value) && ((Number) value).longValue() > 0);
        }
        if (type == PositiveOrZero.class) {
            return (value) -> value == null || (isIntegral(value) && ((Number) value).longValue() >= 0);
        }
        if (type == Negative.class) {
            return (value) -> value == null || (isIntegral(value) && ((Number) value).longValue() < 0);
        }
        if (type == NegativeOrZero.class) {
            return (value) -> value == null || (isIntegral(value) && ((Number) value).longValue() <= 0);
        }
        return null;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    /** One constraint on one component's value. */
    @FunctionalInterface
    private interface Check {

        /** {@code true} when the validator would find no violation; {@code false} when unsure. */
        boolean passes(@Nullable Object value);
    }
}
