package dev.centrifugo4j.proxy;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The JSON that centrifugo4j puts on the wire, as the contract describes it.
 *
 * <p>One difference from Jackson's defaults: {@link BigDecimal} and {@link BigInteger} are written
 * as JSON strings ({@code "12.50"}, {@code "123456789012345678901234567890"}), not numbers, so that
 * no client parses them into a binary floating point number and loses digits (JavaScript's
 * {@code number} holds 53 bits). {@code BigDecimal} keeps its scale ({@link BigDecimal#toString()}).
 * Reading accepts both strings and numbers. {@code long} stays a JSON number.
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
        module.addSerializer(BigDecimal.class, ToStringSerializer.instance);
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
        return base.rebuild().addModule(module()).build();
    }
}
