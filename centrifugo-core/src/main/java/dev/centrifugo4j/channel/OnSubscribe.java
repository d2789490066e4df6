package dev.centrifugo4j.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers Centrifugo's subscribe proxy for the channels that match a pattern: may this connection
 * subscribe, and with what.
 *
 * <pre>{@code
 * @OnSubscribe("terminal:session:{sessionId}")
 * SubscribeResult canRead(ChannelContext conn, @ChannelVariable String sessionId) {
 *     return sessions.ownedBy(sessionId, conn.user()) ? SubscribeResult.allow() : SubscribeResult.deny();
 * }
 * }</pre>
 *
 * <p>Parameters, in any order: a {@link ChannelContext}, {@link ChannelVariable} parameters (one per
 * pattern variable used, converted to the parameter's type), and at most one parameter the
 * subscribe request's {@code data} binds to ({@code @Valid} validates it). Return {@link
 * SubscribeResult}, {@code boolean} ({@code false} = error 403), {@code void} (allow), or a {@code
 * CompletionStage} of those.
 *
 * <p>Fail closed: a {@code null} where a decision was expected (a {@code SubscribeResult} or {@code
 * Boolean} that is {@code null}, or a stage that completes with {@code null}) denies the
 * subscription with error 403 {@code permission denied} and logs a warning that names the method.
 * Only a {@code void} method, or a {@code CompletionStage<Void>}, allows by returning. A handler that
 * throws denies too (see the errors the client sees in the documentation).
 *
 * <p>Pattern syntax: literal text with {@code {name}} variables; a variable matches one or more
 * characters other than {@code :}. When several patterns match a channel, the one with the most
 * literal characters wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnSubscribe {

    /** The channel pattern, for example {@code "chat:room:{roomId}"}. */
    String value();
}
