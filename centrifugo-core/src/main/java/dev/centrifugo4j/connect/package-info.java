/**
 * Connection handlers: who is this connection ({@link dev.centrifugo4j.connect.ConnectHandler}) and
 * is it still valid ({@link dev.centrifugo4j.connect.RefreshHandler}).
 */
@NullMarked
package dev.centrifugo4j.connect;

import org.jspecify.annotations.NullMarked;
