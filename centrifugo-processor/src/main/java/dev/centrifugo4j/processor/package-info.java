/**
 * The compile-time annotation processor that finds {@code @WebSocketRpc}, {@code @OnSubscribe},
 * {@code @OnPublish} and {@code @OnSubRefresh} methods.
 */
@NullMarked
package dev.centrifugo4j.processor;

import org.jspecify.annotations.NullMarked;
