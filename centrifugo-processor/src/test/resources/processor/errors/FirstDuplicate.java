package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class FirstDuplicate {

    @WebSocketRpc("same.name")
    String first() {
        return "";
    }
}
