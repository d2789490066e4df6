package dev.centrifugo4j.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The JSON that centrifugo4j puts on the wire, as the contract describes it.
 *
 * <p>One difference from Jackson's defaults: {@link BigDecimal} and {@link BigInteger} are written
 * as JSON strings ({@code "12.50"}, {@code "123456789012345678901234567890"}), not numbers, so that
 * no client parses them into a binary floating point number and loses digits (JavaScript's
 * {@code number} holds 53 bits). {@code BigDecimal} is written without an exponent and with its
 * scale ({@link BigDecimal#toPlainString()}: {@code "0.000000010"}, not {@code "1.0E-8"}).
 * Reading accepts both strings and numbers. {@code long} stays a JSON number.
 *
 * <p>Another: an {@code OffsetDateTime} or {@code ZonedDateTime} keeps the offset it was sent with
 * ({@code 2026-01-02T03:04:05+02:00} comes back as it was, not moved to UTC), so that a value makes
 * the round trip through a handler unchanged.
 *
 * <p>The Spring Boot starter derives the mapper of proxy payloads and of the publisher from the
 * application's {@code JsonMapper} with {@link #mapper(JsonMapper)}; the application's own mapper
 * is left as it is.
 */
public final class CentrifugoJson {

    private CentrifugoJson() {}

    /** The Jackson module with centrifugo4j's wire conventions. */
    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("centrifugo4j-wire");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        module.addSerializer(BigInteger.class, ToStringSerializer.instance);
        return module;
    }

    /**
     * A mapper configured like {@code base}, with the {@link #module() wire conventions} added.
     *
     * @param base the application's mapper
     * @return a new mapper; {@code base} is not changed
     */
    public static JsonMapper mapper(JsonMapper base) {
        return base.rebuild()
                .addModule(module())
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** Writes a {@code BigDecimal} as a JSON string in plain notation. */
    private static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }
}
