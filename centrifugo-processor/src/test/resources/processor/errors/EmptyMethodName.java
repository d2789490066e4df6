package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class EmptyMethodName {

    @WebSocketRpc("admin:")
    String handle() {
        return "";
    }
}
