package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class GenericMethod {

    @WebSocketRpc("generic.method")
    <T> String handle(T params) {
        return "";
    }
}
