/** Benchmarks: helpers shared by the drivers. */
@NullMarked
package dev.centrifugo4j.bench;

import org.jspecify.annotations.NullMarked;
