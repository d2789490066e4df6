package dev.centrifugo4j.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpcExceptionTests {

    @Nested
    class ApplicationErrors {

        @ParameterizedTest
        @ValueSource(ints = {400, 1000, 1999})
        void acceptCodesInTheApplicationRange(int code) {
            RpcException ex = new RpcException(code, "nope", true);
            assertThat(ex.getCode()).isEqualTo(code);
            assertThat(ex.getMessage()).isEqualTo("nope");
            assertThat(ex.isTemporary()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 100, 109, 399, 2000, 3500, 4500})
        void rejectCodesCentrifugoReserves(int code) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RpcException(code, "x"))
                    .withMessage("'code' must be between 400 and 1999 (Centrifugo reserves the other codes), but was "
                            + code);
        }

        @Test
        void rejectANullMessage() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RpcException(400, null))
                    .withMessage("'message' must not be null");
        }
    }

    @Nested
    class Disconnects {

        @Test
        void knowWhetherTheClientMayReconnect() {
            assertThat(new DisconnectException(4000, "again").isTerminal()).isFalse();
            assertThat(new DisconnectException(4500, "bye").isTerminal()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {3000, 3999, 5000})
        void rejectCodesOutsideTheApplicationRange(int code) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new DisconnectException(code, "x"))
                    .withMessageStartingWith("'code' must be between 4000 and 4999");
        }

        @Test
        void rejectReasonsLongerThan32Bytes() {
            assertThat(new DisconnectException(4000, "a".repeat(32)).getReason())
                    .hasSize(32);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new DisconnectException(4000, "é".repeat(17)))
                    .withMessageContaining("must be at most 32 bytes");
        }
    }
}
