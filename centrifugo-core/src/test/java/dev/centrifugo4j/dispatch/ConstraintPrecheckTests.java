package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
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
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.PatternDef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pre-check may say "certainly valid" only when Hibernate Validator finds no violation (and says
 * it for every valid value but where Hibernate Validator 8 and 9 disagree), and steps aside for
 * every record shape it does not cover.
 */
class ConstraintPrecheckTests {

    private static final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    record Covered(
            @NotBlank @Size(max = 5) String name,
            @Min(0) @Max(10) int count,
            @NotNull Integer boxed,
            @NotEmpty List<String> tags,
            @Positive long id,
            @PositiveOrZero Short small,
            @Negative Byte below,
            @NegativeOrZero Long notAbove,
            @Size(min = 1, max = 2) Map<String, String> labels,
            @NotEmpty String code,
            String free) {}

    private static final String[] TEXTS = {
        null, "", " ", "\t", "\n", "\u2003", "\u0000", "a", " a ", "abcde", "abcdef", "äöü", "  \t x", "12345 "
    };

    private static final Object[] NUMBERS = {
        null, -1L, 0L, 1L, 10L, 11L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MIN_VALUE
    };

    @Test
    void agreesWithTheValidatorOnEveryGeneratedValue() {
        ConstraintPrecheck precheck = ConstraintPrecheck.of(validator, Covered.class);
        assertThat(precheck.eligible()).isTrue();
        Random random = new Random(20261128L);
        int valid = 0;
        int recognized = 0;
        int invalid = 0;
        for (int i = 0; i < 20_000; i++) {
            Covered value = new Covered(
                    pick(random, TEXTS),
                    (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(random, 0L))),
                    random.nextInt(8) == 0 ? null : random.nextInt(3) - 1,
                    pick(random, new List[] {null, List.of(), List.of("x"), List.of("", "")}),
                    number(random, 1L),
                    random.nextInt(6) == 0 ? null : (short) (random.nextInt(3) - 1),
                    random.nextInt(6) == 0 ? null : (byte) (random.nextInt(3) - 1),
                    random.nextInt(6) == 0 ? null : (long) (random.nextInt(3) - 1),
                    pick(random, new Map[] {null, Map.of(), Map.of("a", "1"), Map.of("a", "1", "b", "2", "c", "3")}),
                    pick(random, TEXTS),
                    pick(random, TEXTS));
            boolean noViolations = validator.validate(value).isEmpty();
            boolean certainlyValid = precheck.certainlyValid(value);
            if (certainlyValid) {
                assertThat(noViolations)
                        .as("%s: the validator finds %s", value, validator.validate(value))
                        .isTrue();
            }
            if (noViolations) {
                valid++;
                if (certainlyValid) {
                    recognized++;
                } else {
                    // Only where Hibernate Validator 8 and 9 disagree: blank for one of them.
                    assertThat(List.of(value.name(), value.code()))
                            .as("%s was valid, but not certainly so", value)
                            .anyMatch((text) -> text.isBlank() != text.trim().isEmpty());
                }
            } else {
                invalid++;
            }
        }
        assertThat(valid).as("valid values generated").isGreaterThan(20);
        assertThat(recognized).as("valid values recognized").isGreaterThan(valid / 2);
        assertThat(invalid).as("invalid values generated").isGreaterThan(1_000);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static long number(Random random, long fallback) {
        Object number = NUMBERS[random.nextInt(NUMBERS.length)];
        return (number == null) ? fallback : (Long) number;
    }

    record Unconstrained(String name, int count) {}

    @Test
    void letsARecordWithoutConstraintsSkipTheValidator() {
        ConstraintPrecheck precheck = ConstraintPrecheck.of(validator, Unconstrained.class);
        assertThat(precheck.certainlyValid(new Unconstrained(null, -1))).isTrue();
    }

    record WithPattern(@Email String mail) {}

    record Nested(@Valid Covered inner) {}

    record InGroup(@NotBlank(groups = Other.class) String name) {}

    interface Other {}

    record ContainerElements(List<@NotBlank String> names) {}

    record OnDecimals(@Min(1) BigDecimal amount) {}

    record Composed(@ShortName String name) {}

    @Shorter
    record ClassLevel(String name) {}

    static final class NotARecord {
        @NotBlank
        String name = "x";
    }

    @Test
    void leavesEveryOtherShapeToTheValidator() {
        for (Class<?> type : List.of(
                WithPattern.class,
                Nested.class,
                InGroup.class,
                ContainerElements.class,
                Composed.class,
                ClassLevel.class,
                NotARecord.class)) {
            assertThat(ConstraintPrecheck.of(validator, type).eligible())
                    .as(type.getSimpleName())
                    .isFalse();
        }
    }

    @Test
    void sendsValuesOfATypeItDoesNotKnowToTheValidator() {
        ConstraintPrecheck precheck = ConstraintPrecheck.of(validator, OnDecimals.class);
        assertThat(precheck.eligible()).isTrue();
        assertThat(precheck.certainlyValid(new OnDecimals(BigDecimal.TEN))).isFalse();
        assertThat(precheck.certainlyValid(new OnDecimals(null))).isTrue();
    }

    record Mapped(String name) {}

    @Test
    void seesConstraintsAddedOutsideTheAnnotations() {
        HibernateValidatorConfiguration configuration =
                Validation.byProvider(HibernateValidator.class).configure();
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.type(Mapped.class).field("name").constraint(new PatternDef().regexp("[a-z]+"));
        Validator mapped =
                configuration.addMapping(mapping).buildValidatorFactory().getValidator();
        assertThat(mapped.validate(new Mapped("ABC"))).hasSize(1);
        assertThat(ConstraintPrecheck.of(mapped, Mapped.class).eligible()).isFalse();
    }

    @Test
    void theBindingCallsTheValidatorOnlyForValuesThatMayBeInvalid() {
        CountingValidator counting = new CountingValidator(validator);
        PayloadBinding binding = new PayloadBinding(JsonMapper.shared(), Covered.class, false, counting);
        ProxyCodec codec = new ProxyCodec(JsonMapper.shared());
        String valid = "{\"name\":\"ab\",\"count\":3,\"boxed\":1,\"tags\":[\"x\"],\"id\":5,\"small\":0,"
                + "\"below\":-1,\"notAbove\":0,\"labels\":{\"a\":\"1\"},\"code\":\"c\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(binding.bind(codec.readRequest(rpc(valid)))).isInstanceOf(Covered.class);
        }
        assertThat(counting.validations).hasValue(0);

        String blankName = valid.replace("\"ab\"", "\"  \"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> binding.bind(codec.readRequest(rpc(blankName))))
                .isInstanceOf(ProxyReplyException.class)
                .hasMessageContaining("name");
        assertThat(counting.validations).hasValue(1);
    }

    private static byte[] rpc(String data) {
        return ("{\"client\":\"c\",\"method\":\"m\",\"data\":" + data + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Counts the values that reach the validator. */
    private static final class CountingValidator implements Validator {

        private final Validator delegate;

        private final AtomicInteger validations = new AtomicInteger();

        CountingValidator(Validator delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
            this.validations.incrementAndGet();
            return this.delegate.validate(object, groups);
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validateProperty(T object, String property, Class<?>... groups) {
            return this.delegate.validateProperty(object, property, groups);
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validateValue(
                Class<T> type, String property, Object value, Class<?>... groups) {
            return this.delegate.validateValue(type, property, value, groups);
        }

        @Override
        public BeanDescriptor getConstraintsForClass(Class<?> type) {
            return this.delegate.getConstraintsForClass(type);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return this.delegate.unwrap(type);
        }

        @Override
        public ExecutableValidator forExecutables() {
            return this.delegate.forExecutables();
        }
    }

    /** A composed constraint: {@code @NotBlank} and {@code @Size(max = 3)}. */
    @NotBlank
    @Size(max = 3)
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @interface ShortName {
        String message() default "too long";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A class-level constraint with its own validator. */
    @Constraint(validatedBy = ShorterValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Shorter {
        String message() default "too long";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class ShorterValidator implements ConstraintValidator<Shorter, ClassLevel> {

        @Override
        public boolean isValid(ClassLevel value, ConstraintValidatorContext context) {
            return value.name() == null || value.name().length() < 3;
        }
    }
}
