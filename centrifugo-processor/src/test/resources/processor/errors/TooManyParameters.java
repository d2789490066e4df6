package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class TooManyParameters {

    @WebSocketRpc("too.many")
    String handle(RpcContext context, String first, String second) {
        return "";
    }
}
