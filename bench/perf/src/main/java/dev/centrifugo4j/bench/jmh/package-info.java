/** Benchmarks: jmh. */
@NullMarked
package dev.centrifugo4j.bench.jmh;

import org.jspecify.annotations.NullMarked;
