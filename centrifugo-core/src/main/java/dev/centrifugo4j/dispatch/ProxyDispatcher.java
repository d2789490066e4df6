package dev.centrifugo4j.dispatch;

import java.util.List;
import java.util.Set;

/**
 * Turns proxy requests into replies: reads the request, finds the handler, binds and validates its
 * data, admits the call through the handler's {@link Bulkhead}, invokes it through its generated
 * invoker and encodes what it returns. Whatever happens, the reply is one Centrifugo understands
 * (see {@link dev.centrifugo4j.rpc.RpcErrorCodes}); nothing a handler throws reaches the wire as
 * text or a stack trace.
 *
 * <p>Implemented by {@link RpcDispatcher}, {@link ChannelDispatcher} and {@link
 * ConnectionDispatcher}, each built from one {@link DispatchSettings}. Thread-safe.
 *
 * <pre>{@code
 * DispatchSettings settings = DispatchSettings.builder(mapper).validator(validator).build();
 * RpcDispatcher rpc = RpcDispatcher.builder(settings).register(definition, handlerBean).build();
 * ProxyOutcome outcome = rpc.dispatch(new ProxyInput(ProxyType.RPC, body, headers, principal));
 * byte[] reply = outcome.completion().toCompletableFuture().join().reply();
 * }</pre>
 */
public interface ProxyDispatcher {

    /** The proxies this dispatcher answers. */
    Set<ProxyType> proxies();

    /**
     * Answers one proxy request. Returns {@link ProxyOutcome.Complete} unless an asynchronous handler
     * still runs; never throws for anything the request or the handler does, and never blocks on an
     * asynchronous handler.
     *
     * @param input the request
     * @return the outcome, complete or pending
     * @throws IllegalArgumentException when the input is for a proxy this dispatcher does not answer
     */
    ProxyOutcome dispatch(ProxyInput input);

    /** The bulkheads of the handlers that have a concurrency limit. */
    List<Bulkhead> bulkheads();
}
