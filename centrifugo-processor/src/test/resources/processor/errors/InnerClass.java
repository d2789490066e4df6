package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class InnerClass {

    class Handlers {

        @WebSocketRpc("inner.class")
        String handle(RpcContext context) {
            return context.user();
        }
    }
}
