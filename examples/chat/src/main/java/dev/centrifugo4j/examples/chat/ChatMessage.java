package dev.centrifugo4j.examples.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A chat message as clients publish it and as subscribers receive it.
 *
 * @param text the message text
 * @param author who wrote it; set by the server, whatever the client sent
 */
public record ChatMessage(
        @NotBlank @Size(max = 500) String text, @Nullable String author) {

    ChatMessage withAuthor(String author) {
        return new ChatMessage(this.text, author);
    }

    ChatMessage withText(String text) {
        return new ChatMessage(text, this.author);
    }
}
