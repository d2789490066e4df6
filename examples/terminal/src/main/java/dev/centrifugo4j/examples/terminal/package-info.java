/** The web terminal example: a shell per session in a pseudo-terminal, reached through Centrifugo. */
@NullMarked
package dev.centrifugo4j.examples.terminal;

import org.jspecify.annotations.NullMarked;
