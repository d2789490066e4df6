/** The HTTP endpoints that Centrifugo's proxies call. */
@NullMarked
package dev.centrifugo4j.boot.proxy;

import org.jspecify.annotations.NullMarked;
