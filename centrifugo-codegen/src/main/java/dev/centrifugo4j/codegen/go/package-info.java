/**
 * The Go client: one type mapper that holds every Go type and naming rule, and the generator of the
 * module over {@code github.com/centrifugal/centrifuge-go}.
 */
@NullMarked
package dev.centrifugo4j.codegen.go;

import org.jspecify.annotations.NullMarked;
