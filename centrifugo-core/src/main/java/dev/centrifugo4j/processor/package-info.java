/** The compile-time annotation processor that finds {@code @WebSocketRpc} methods. */
@NullMarked
package dev.centrifugo4j.processor;

import org.jspecify.annotations.NullMarked;
