package errors;

import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class UnvalidatedParams {

    record Params(@NotBlank String message) {}

    static class Bean {
        @Size(max = 10)
        private String name;

        public String getName() {
            return this.name;
        }
    }

    @WebSocketRpc("unvalidated.record")
    String unvalidated(Params params) {
        return params.message();
    }

    @WebSocketRpc("unvalidated.bean")
    String bean(Bean params) {
        return params.getName();
    }

    @WebSocketRpc("validated.record")
    String validated(@NotNull Params params) {
        return params.message();
    }
}
