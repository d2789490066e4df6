package dev.centrifugo4j.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers Centrifugo's publish proxy for the channels that match a pattern: may this client publish
 * this, and what is actually published.
 *
 * <pre>{@code
 * @OnPublish("chat:room:{roomId}")
 * PublishDecision moderate(ChannelContext conn, @ChannelVariable long roomId, @Valid ChatMessage message) {
 *     return PublishDecision.replaceWith(message.withText(filter(message.text())));
 * }
 * }</pre>
 *
 * <p>Parameters, in any order: a {@link ChannelContext}, {@link ChannelVariable} parameters, and at
 * most one parameter the publication's data binds to ({@code @Valid} validates it). Return {@link
 * PublishDecision}, {@code boolean} ({@code false} = error 403), {@code void} (publish as sent), or a
 * {@code CompletionStage} of those. Pattern syntax as for {@link OnSubscribe}.
 *
 * <p>Fail closed: a {@code null} where a decision was expected (a {@code PublishDecision} or {@code
 * Boolean} that is {@code null}, or a stage that completes with {@code null}) refuses the publication
 * with error 403 {@code permission denied} and logs a warning that names the method. Only a {@code
 * void} method, or a {@code CompletionStage<Void>}, publishes as sent by returning.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnPublish {

    /** The channel pattern, for example {@code "chat:room:{roomId}"}. */
    String value();
}
