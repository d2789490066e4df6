package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class PrivateMethod {

    @WebSocketRpc("private.method")
    private String handle() {
        return "";
    }
}
