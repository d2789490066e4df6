package errors.channel;

import dev.centrifugo4j.channel.OnPublish;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

class UnvalidatedPayload {

    record Message(@NotBlank String text) {}

    @OnPublish("chat:{roomId}")
    boolean unvalidated(
            Message message) {
        return true;
    }

    @OnPublish("news:{roomId}")
    boolean validated(@Valid Message message) {
        return true;
    }
}
