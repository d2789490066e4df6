/** What the annotation processor generates and the runtime loads: invokers and per-class indexes. Not for application code. */
@NullMarked
package dev.centrifugo4j.spi;

import org.jspecify.annotations.NullMarked;
