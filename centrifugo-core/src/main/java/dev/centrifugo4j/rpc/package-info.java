/** RPC handlers: the {@link dev.centrifugo4j.rpc.WebSocketRpc} annotation, the call context and the errors a handler can answer with. */
@NullMarked
package dev.centrifugo4j.rpc;

import org.jspecify.annotations.NullMarked;
