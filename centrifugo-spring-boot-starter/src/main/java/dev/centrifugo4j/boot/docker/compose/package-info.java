/**
 * Docker Compose support: {@link dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails}
 * for a Centrifugo service that {@code spring-boot-docker-compose} started.
 */
@NullMarked
package dev.centrifugo4j.boot.docker.compose;

import org.jspecify.annotations.NullMarked;
