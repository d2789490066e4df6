package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class WhitespaceName {

    @WebSocketRpc("system ping")
    String handle() {
        return "";
    }
}
