/** The endpoint that hands connection tokens to authenticated users. */
@NullMarked
package dev.centrifugo4j.boot.token;

import org.jspecify.annotations.NullMarked;
