/** The HTTP throughput app. */
@NullMarked
package dev.centrifugo4j.bench.http;

import org.jspecify.annotations.NullMarked;
