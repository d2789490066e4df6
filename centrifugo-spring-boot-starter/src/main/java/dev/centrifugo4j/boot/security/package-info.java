/** Spring Security integration: the connection's identity and access control on handlers. */
@NullMarked
package dev.centrifugo4j.boot.security;

import org.jspecify.annotations.NullMarked;
