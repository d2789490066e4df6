/** Binding {@code @WebSocketRpc} beans to the dispatcher at start-up. */
@NullMarked
package dev.centrifugo4j.boot.rpc;

import org.jspecify.annotations.NullMarked;
