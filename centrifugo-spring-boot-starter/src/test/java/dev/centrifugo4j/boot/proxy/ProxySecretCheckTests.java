package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySecretCheckTests {

    private final ProxySecretCheck check = ProxySecretCheck.requiring("X-Centrifugo-Proxy-Secret", "right");

    private boolean accepts(String... values) {
        return this.check.acceptsValues(Collections.enumeration(List.of(values)));
    }

    @Test
    void acceptsTheSecretSentOnce() {
        assertThat(accepts("right")).isTrue();
    }

    @Test
    void refusesTheHeaderSentTwiceWhateverTheOrderAndTheValues() {
        assertThat(accepts("right", "wrong")).isFalse();
        assertThat(accepts("wrong", "right")).isFalse();
        assertThat(accepts("right", "right")).isFalse();
    }

    @Test
    void refusesValuesJoinedWithACommaAnAbsentHeaderAndAnEmptyOne() {
        assertThat(accepts("right,wrong")).isFalse();
        assertThat(accepts("wrong,right")).isFalse();
        assertThat(accepts("right, right")).isFalse();
        assertThat(accepts()).isFalse();
        assertThat(this.check.acceptsValues(null)).isFalse();
        assertThat(accepts("")).isFalse();
    }

    @Test
    void aDisabledCheckLetsEveryRequestThrough() {
        ProxySecretCheck disabled = ProxySecretCheck.disabled("X-Centrifugo-Proxy-Secret");
        assertThat(disabled.acceptsValues(Collections.enumeration(List.of("a", "b"))))
                .isTrue();
        assertThat(disabled.acceptsValues(null)).isTrue();
    }
}
