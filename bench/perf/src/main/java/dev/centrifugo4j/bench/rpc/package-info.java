/** Benchmarks: rpc. */
@NullMarked
package dev.centrifugo4j.bench.rpc;

import org.jspecify.annotations.NullMarked;
