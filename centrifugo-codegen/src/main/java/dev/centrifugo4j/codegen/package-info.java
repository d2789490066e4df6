/** Generates typed clients from the contract the annotation processor writes: the request, the generator and its main. */
@NullMarked
package dev.centrifugo4j.codegen;

import org.jspecify.annotations.NullMarked;
