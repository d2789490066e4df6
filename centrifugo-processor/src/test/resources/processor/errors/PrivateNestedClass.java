package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

class PrivateNestedClass {

    private static class Handlers {

        @WebSocketRpc("private.nested")
        String handle(RpcContext context) {
            return context.user();
        }
    }
}
