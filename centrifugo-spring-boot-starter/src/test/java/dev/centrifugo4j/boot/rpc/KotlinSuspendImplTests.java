package dev.centrifugo4j.boot.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The start-up check passes over the static {@code name$suspendImpl} that Kotlin adds beside a suspend
 * function of an open class (examples/kotlin starts with such classes through a real Centrifugo).
 */
class KotlinSuspendImplTests {

    /** The shape Kotlin compiles {@code open class Rooms { open suspend fun greet(): String }} to. */
    static class Rooms {

        Object greet(Object continuation) {
            return greet$suspendImpl(this, continuation);
        }

        static Object greet$suspendImpl(Rooms self, Object continuation) {
            return "hi";
        }
    }

    @Test
    void recognizesTheCarrierOfASuspendFunctionsBodyButNotTheFunction() throws Exception {
        assertThat(HandlerRegistrar.isKotlinSuspendImpl(
                        Rooms.class.getDeclaredMethod("greet$suspendImpl", Rooms.class, Object.class)))
                .isTrue();
        assertThat(HandlerRegistrar.isKotlinSuspendImpl(Rooms.class.getDeclaredMethod("greet", Object.class)))
                .isFalse();
    }
}
