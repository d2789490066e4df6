package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

interface InterfaceHandler {

    @WebSocketRpc("in.interface")
    default String handle() {
        return "";
    }
}
