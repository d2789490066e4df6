package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class SecondDuplicate {

    @WebSocketRpc("same.name")
    String second() {
        return "";
    }
}
