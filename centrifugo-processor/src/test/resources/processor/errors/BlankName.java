package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class BlankName {

    @WebSocketRpc(" ")
    String handle() {
        return "";
    }
}
