/**
 * Testcontainers support for centrifugo4j: {@link dev.centrifugo4j.testcontainers.CentrifugoContainer},
 * its Spring Boot service connection, and {@link dev.centrifugo4j.testcontainers.RequiresDocker}.
 */
@NullMarked
package dev.centrifugo4j.testcontainers;

import org.jspecify.annotations.NullMarked;
