/** Connection and subscription tokens (JWT) that Centrifugo verifies. */
@NullMarked
package dev.centrifugo4j.token;

import org.jspecify.annotations.NullMarked;
