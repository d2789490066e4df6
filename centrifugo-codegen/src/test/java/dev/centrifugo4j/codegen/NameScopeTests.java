package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameScopeTests {

    @Test
    void givesANameThatIsTakenTheFirstFreeNumberFromTwo() {
        NameScope scope = new NameScope();

        assertThat(scope.claim("ordersGetStatus")).isEqualTo("ordersGetStatus");
        assertThat(scope.claim("ordersGetStatus")).isEqualTo("ordersGetStatus2");
        assertThat(scope.claim("ordersGetStatus")).isEqualTo("ordersGetStatus3");
    }

    @Test
    void startsWithTheNamesTheGeneratedCodeUsesThere() {
        NameScope scope = new NameScope("client", "client2");

        assertThat(scope.claim("client")).isEqualTo("client3");
        assertThat(scope.claim("other")).isEqualTo("other");
    }
}
