package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class PrimitiveParams {

    @WebSocketRpc("primitive.params")
    String handle(RpcContext context, int count) {
        return "";
    }
}
