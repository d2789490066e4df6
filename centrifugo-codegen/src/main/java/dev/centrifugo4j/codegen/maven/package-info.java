/** The thin Maven goals over the plain generator. */
@NullMarked
package dev.centrifugo4j.codegen.maven;

import org.jspecify.annotations.NullMarked;
