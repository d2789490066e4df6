/** Spring AOT and GraalVM native-image hints for centrifugo4j applications. */
@NullMarked
package dev.centrifugo4j.boot.aot;

import org.jspecify.annotations.NullMarked;
