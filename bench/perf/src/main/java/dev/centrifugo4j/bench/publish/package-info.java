/** Benchmarks: publish. */
@NullMarked
package dev.centrifugo4j.bench.publish;

import org.jspecify.annotations.NullMarked;
