/**
 * The machinery behind Centrifugo's proxies: one {@link dev.centrifugo4j.dispatch.ProxyDispatcher}
 * shape for RPC, channel and connection handlers ({@link dev.centrifugo4j.dispatch.RpcDispatcher},
 * {@link dev.centrifugo4j.dispatch.ChannelDispatcher}, {@link dev.centrifugo4j.dispatch.ConnectionDispatcher}),
 * built from one {@link dev.centrifugo4j.dispatch.DispatchSettings}, taking a {@link
 * dev.centrifugo4j.dispatch.ProxyInput} and giving a {@link dev.centrifugo4j.dispatch.ProxyOutcome};
 * the codec of the proxy protocol, payload binding, bulkheads and the mapping of failures.
 *
 * <p>The top of the runtime's packages: it uses the handler index SPI and the user-facing packages
 * ({@code rpc}, {@code channel}, {@code connect}, {@code proxy}), none of which uses it.
 */
@NullMarked
package dev.centrifugo4j.dispatch;

import org.jspecify.annotations.NullMarked;
