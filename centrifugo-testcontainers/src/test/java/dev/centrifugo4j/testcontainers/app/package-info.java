/** The application that the service connection tests run. */
@NullMarked
package dev.centrifugo4j.testcontainers.app;

import org.jspecify.annotations.NullMarked;
