package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class TypeVariableParams<T> {

    @WebSocketRpc("type.variable")
    String handle(T params) {
        return "";
    }
}
