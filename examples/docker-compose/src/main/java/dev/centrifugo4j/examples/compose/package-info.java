/** Docker Compose development services: Centrifugo started from compose.yaml with the app. */
@NullMarked
package dev.centrifugo4j.examples.compose;

import org.jspecify.annotations.NullMarked;
