package dev.centrifugo4j.bench.rpc;

import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;

/** The RPC handler the benchmarks call, also called by the hand-written baselines. */
public class EchoHandlers {

    /** The method name. */
    public static final String METHOD = "bench.echo";

    /** A typical request body, as Centrifugo's RPC proxy sends it. */
    public static final String REQUEST =
            "{\"client\":\"4f3c2a10-9b8e-4d7c-a6b5-1234567890ab\",\"transport\":\"websocket\","
                    + "\"protocol\":\"json\",\"encoding\":\"json\",\"user\":\"42\",\"method\":\"bench.echo\","
                    + "\"data\":{\"message\":\"hello benchmark\",\"count\":3}}";

    /** The reply both sides must produce for {@link #REQUEST}. */
    public static final String REPLY = "{\"result\":{\"data\":{\"echo\":\"hello benchmark\",\"count\":3}}}";

    /** Echoes the message back. */
    @WebSocketRpc(METHOD)
    public EchoResult echo(@Valid EchoParams params) {
        return new EchoResult(params.message(), params.count());
    }
}
