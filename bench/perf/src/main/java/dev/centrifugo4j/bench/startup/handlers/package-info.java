/** Benchmarks: startup/handlers. */
@NullMarked
package dev.centrifugo4j.bench.startup.handlers;

import org.jspecify.annotations.NullMarked;
