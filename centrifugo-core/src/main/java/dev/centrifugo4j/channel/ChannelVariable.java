package dev.centrifugo4j.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a variable of the handler's channel pattern to a parameter, converted to the parameter's
 * type ({@code String}, numbers, {@code UUID}, enums, and whatever the application's
 * ConversionService converts).
 *
 * <pre>{@code
 * @OnSubscribe("chat:room:{roomId}")
 * boolean join(ChannelContext conn, @ChannelVariable long roomId) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ChannelVariable {

    /** The variable's name in the pattern; defaults to the parameter's name. */
    String value() default "";
}
