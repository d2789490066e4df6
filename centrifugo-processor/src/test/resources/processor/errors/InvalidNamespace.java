package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class InvalidNamespace {

    @WebSocketRpc("a:ping")
    String handle() {
        return "";
    }
}
