/** The Centrifugo health indicator and its health group. */
@NullMarked
package dev.centrifugo4j.boot.health;

import org.jspecify.annotations.NullMarked;
