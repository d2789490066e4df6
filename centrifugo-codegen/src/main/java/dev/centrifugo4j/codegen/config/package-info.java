/** {@code centrifugo:config}: the Centrifugo v6 configuration that points Centrifugo's proxies at the application. */
@NullMarked
package dev.centrifugo4j.codegen.config;

import org.jspecify.annotations.NullMarked;
