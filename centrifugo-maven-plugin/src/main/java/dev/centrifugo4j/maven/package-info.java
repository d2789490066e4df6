/** The thin Maven goals over the plain generator. */
@NullMarked
package dev.centrifugo4j.maven;

import org.jspecify.annotations.NullMarked;
