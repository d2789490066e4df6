/** An application with a handler class that lacks @Component, for the start-up check. */
@NullMarked
package dev.centrifugo4j.boot.rpc.forgotten;

import org.jspecify.annotations.NullMarked;
