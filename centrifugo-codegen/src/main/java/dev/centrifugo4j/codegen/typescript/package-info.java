/** The TypeScript client: one type mapper that holds every TypeScript type and naming rule, and the generator. */
@NullMarked
package dev.centrifugo4j.codegen.typescript;

import org.jspecify.annotations.NullMarked;
