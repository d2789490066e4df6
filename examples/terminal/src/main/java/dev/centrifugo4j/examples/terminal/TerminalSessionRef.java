package dev.centrifugo4j.examples.terminal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Names a session.
 *
 * @param sessionId the session
 */
public record TerminalSessionRef(
        @NotBlank @Size(max = MAX_ID_LENGTH) String sessionId) {

    /** Session ids are UUIDs; anything much longer is not one. */
    static final int MAX_ID_LENGTH = 64;
}
