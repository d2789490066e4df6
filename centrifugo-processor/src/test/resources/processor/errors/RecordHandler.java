package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

record RecordHandler(String prefix) {

    @WebSocketRpc("in.record")
    String handle(RpcContext context) {
        return this.prefix + context.user();
    }
}
