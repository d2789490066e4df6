package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.centrifugo4j.codegen.python.PythonTypeMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservedWordsTests {

    private final ReservedWords python = ReservedWords.of(PythonTypeMapper.class);

    @Test
    void escapeAReservedWordWithATrailingUnderscore() {
        assertThat(this.python.escape("class")).isEqualTo("class_");
        assertThat(this.python.escape("klass")).isEqualTo("klass");
    }

    @Test
    void leaveOutBlankLinesAndComments() {
        assertThat(this.python.contains("")).isFalse();
        assertThat(this.python.contains("# Python keywords and soft keywords")).isFalse();
        assertThat(this.python.contains("match")).isTrue();
    }

    @Test
    void takeMoreWordsWithoutChangingTheOriginal() {
        ReservedWords more = this.python.and(Set.of("RpcClient"));

        assertThat(more.escape("RpcClient")).isEqualTo("RpcClient_");
        assertThat(more.escape("import")).isEqualTo("import_");
        assertThat(this.python.escape("RpcClient")).isEqualTo("RpcClient");
    }

    @Test
    void failWhenTheLanguageHasNoList() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ReservedWords.of(ReservedWordsTests.class))
                .withMessageContaining("reserved-words.txt");
    }
}
