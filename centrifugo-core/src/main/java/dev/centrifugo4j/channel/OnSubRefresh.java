package dev.centrifugo4j.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers Centrifugo's sub_refresh proxy for the channels that match a pattern: is this
 * subscription still valid, and until when. Called only for subscriptions that were given an
 * expiry ({@link SubscribeResult#withExpireAt}).
 *
 * <p>Parameters, in any order: a {@link ChannelContext} and {@link ChannelVariable} parameters.
 * Return {@link SubRefreshResult} or a {@code CompletionStage} of it. Pattern syntax as for {@link
 * OnSubscribe}.
 *
 * <p>Fail closed: a {@code null} result, like a handler that throws, ends the subscription (as
 * {@link SubRefreshResult#expired()}; Centrifugo ignores errors from this proxy).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnSubRefresh {

    /** The channel pattern, for example {@code "chat:room:{roomId}"}. */
    String value();
}
