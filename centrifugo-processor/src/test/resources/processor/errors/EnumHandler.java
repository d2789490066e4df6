package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

enum EnumHandler {
    INSTANCE;

    @WebSocketRpc("in.enum")
    String handle() {
        return "";
    }
}
