package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class TwoParamsObjects {

    @WebSocketRpc("two.params")
    String handle(String first, Integer second) {
        return "";
    }
}
