/** Benchmarks: startup. */
@NullMarked
package dev.centrifugo4j.bench.startup;

import org.jspecify.annotations.NullMarked;
