package dev.centrifugo4j.codegen.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonLinesTests {

    @Test
    void aLongStatementIsBrokenInsideItsLargestBracket() {
        String line = "    answer: _t.Annotated[int, _pd.Field(ge=1)] = _pd.Field(default=None,"
                + " validation_alias=\"someVeryLongName\", serialization_alias=\"someVeryLongName\")";

        assertThat(PythonLines.wrap(line))
                .isEqualTo("    answer: _t.Annotated[int, _pd.Field(ge=1)] = _pd.Field(\n"
                        + "        default=None,\n"
                        + "        validation_alias=\"someVeryLongName\",\n"
                        + "        serialization_alias=\"someVeryLongName\",\n"
                        + "    )");
    }

    @Test
    void bracketsAndCommasInsideStringsAreLeftAlone() {
        String line = "x = f(\"a, (b\", \"" + "c".repeat(80) + "\")";

        assertThat(PythonLines.wrap(line)).isEqualTo("x = f(\n    \"a, (b\",\n    \"" + "c".repeat(80) + "\",\n)");
    }

    @Test
    void aLongDocstringBecomesOneOfSeveralLines() {
        String line = "    \"\"\"" + "word ".repeat(20).strip() + "\"\"\"";

        assertThat(PythonLines.wrap(line))
                .isEqualTo("    \"\"\"" + "word ".repeat(16).strip() + "\n    "
                        + "word ".repeat(4).strip() + "\n    \"\"\"");
    }

    @Test
    void whatCannotBeBrokenSaysSo() {
        String line = "x = \"" + "a b ".repeat(30) + "\"";

        assertThat(PythonLines.wrap(line)).isEqualTo("x = (\n    \"" + "a b ".repeat(30) + "\"  # noqa: E501\n)");
    }
}
