/** Benchmarks: e2e. */
@NullMarked
package dev.centrifugo4j.bench.e2e;

import org.jspecify.annotations.NullMarked;
