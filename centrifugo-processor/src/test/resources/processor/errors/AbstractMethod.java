package errors;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

abstract class AbstractMethod {

    @WebSocketRpc("abstract.method")
    abstract String handle(RpcContext context);
}
