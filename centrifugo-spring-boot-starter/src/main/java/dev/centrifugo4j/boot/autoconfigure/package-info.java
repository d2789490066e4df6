/** Spring Boot auto-configuration and properties for centrifugo4j. */
@NullMarked
package dev.centrifugo4j.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
