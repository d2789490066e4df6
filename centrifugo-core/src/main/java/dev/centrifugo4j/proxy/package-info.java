/**
 * What every proxy handler shares: the connection a request comes from ({@link
 * dev.centrifugo4j.proxy.ProxyContext}, the base of each handler's context), the replies of the
 * proxy protocol ({@link dev.centrifugo4j.proxy.ProxyReply}), the hook for exceptions the library
 * does not know ({@link dev.centrifugo4j.proxy.ProxyExceptionTranslator}) and the handlers'
 * concurrency limits ({@link dev.centrifugo4j.proxy.ConcurrencyLimits}). The bottom of the
 * runtime's packages: it uses none of the others.
 */
@NullMarked
package dev.centrifugo4j.proxy;

import org.jspecify.annotations.NullMarked;
