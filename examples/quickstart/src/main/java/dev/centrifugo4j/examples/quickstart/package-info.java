/** The quick start application. */
@NullMarked
package dev.centrifugo4j.examples.quickstart;

import org.jspecify.annotations.NullMarked;
