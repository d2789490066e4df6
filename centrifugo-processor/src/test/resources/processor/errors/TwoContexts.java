package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class TwoContexts {

    @WebSocketRpc("two.contexts")
    String handle(RpcContext first, RpcContext second) {
        return "";
    }
}
