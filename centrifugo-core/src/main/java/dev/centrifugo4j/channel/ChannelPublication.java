package dev.centrifugo4j.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the channels matching a pattern carry publications of the annotated type: a typed
 * channel. The annotation processor checks the pattern (the same grammar as {@link OnSubscribe}),
 * checks that the {@code @OnSubscribe}, {@code @OnPublish} and {@code @OnSubRefresh} handlers of the
 * same pattern name its variables alike, and writes the channel into the contract, from which the
 * generated clients get a typed subscription ({@code subscribeTerminalSession(sessionId, handlers)}
 * in TypeScript). On the server, publish through {@code publisher.channel(TerminalEvent.class)},
 * which accepts nothing but this type:
 *
 * <pre>{@code
 * @ChannelPublication("terminal:session:{sessionId}")
 * public record TerminalEvent(String line, Instant at) {}
 *
 * TypedChannel<TerminalEvent> terminal = publisher.channel(TerminalEvent.class);
 * terminal.publish(new TerminalEvent("ls", Instant.now()), sessionId);
 * }</pre>
 *
 * <p>Annotate a record, a class with getters, an enum or a sealed interface with Jackson type
 * information; a type declares one channel pattern, and a pattern belongs to one type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ChannelPublication {

    /** The channel pattern, for example {@code "terminal:session:{sessionId}"}. */
    String value();
}
