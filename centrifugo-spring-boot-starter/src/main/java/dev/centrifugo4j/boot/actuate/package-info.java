/** The Actuator endpoint {@code centrifugo}: what the application serves to Centrifugo and how it is doing. */
@NullMarked
package dev.centrifugo4j.boot.actuate;

import org.jspecify.annotations.NullMarked;
