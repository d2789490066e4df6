package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTests {

    @Test
    void splitAtAnythingButLettersAndDigits() {
        assertThat(Words.of("orders.get_status")).containsExactly("orders", "get", "status");
        assertThat(Words.of("zoo:cage. . ")).containsExactly("zoo", "cage");
    }

    @Test
    void splitWhereTheCaseTurnsAndKeepARunOfCapitalsTogether() {
        assertThat(Words.of("orders.getStatus")).containsExactly("orders", "get", "Status");
        assertThat(Words.of("HTTPServer")).containsExactly("HTTP", "Server");
        assertThat(Words.of("v2Api")).containsExactly("v2", "Api");
        assertThat(Words.of("RED")).containsExactly("RED");
    }

    @Test
    void areNoneForATextWithoutLettersOrDigits() {
        assertThat(Words.of("@:.")).isEmpty();
        assertThat(Words.of("")).isEmpty();
    }
}
