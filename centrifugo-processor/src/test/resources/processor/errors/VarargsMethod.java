package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class VarargsMethod {

    @WebSocketRpc("varargs.method")
    String handle(String... names) {
        return "";
    }
}
