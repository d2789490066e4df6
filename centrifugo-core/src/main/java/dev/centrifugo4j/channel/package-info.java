/**
 * Channel handlers: {@link dev.centrifugo4j.channel.OnSubscribe}, {@link dev.centrifugo4j.channel.OnPublish}
 * and {@link dev.centrifugo4j.channel.OnSubRefresh} methods chosen by channel pattern, their context and
 * their results.
 */
@NullMarked
package dev.centrifugo4j.channel;

import org.jspecify.annotations.NullMarked;
