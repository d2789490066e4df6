package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class StaticMethod {

    @WebSocketRpc("static.method")
    static String handle() {
        return "";
    }
}
