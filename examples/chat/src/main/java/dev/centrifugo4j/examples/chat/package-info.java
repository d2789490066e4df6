/** The secured chat example. */
@NullMarked
package dev.centrifugo4j.examples.chat;

import org.jspecify.annotations.NullMarked;
