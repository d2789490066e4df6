package dev.centrifugo4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelPatternTests {

    @Nested
    class Matching {

        @Test
        void extractsVariables() {
            assertThat(ChannelPattern.parse("terminal:session:{sessionId}").match("terminal:session:abc-123"))
                    .containsExactly(Map.entry("sessionId", "abc-123"));
        }

        @Test
        void extractsSeveralVariablesSeparatedByLiterals() {
            assertThat(ChannelPattern.parse("chat:{org}.room.{roomId}:messages").match("chat:acme.room.42:messages"))
                    .containsExactly(Map.entry("org", "acme"), Map.entry("roomId", "42"));
        }

        @Test
        void matchesLiteralPatternsExactly() {
            ChannelPattern pattern = ChannelPattern.parse("news");
            assertThat(pattern.match("news")).isEmpty();
            assertThat(pattern.match("news:x")).isNull();
            assertThat(pattern.match("new")).isNull();
        }

        @ParameterizedTest
        @CsvSource({
            "chat:room:{id}, chat:room:",
            "chat:room:{id}, chat:room:1:2",
            "chat:room:{id}, chat:rooms:1",
            "chat:{id}:end, chat:1:2:end",
            "chat:{id}:end, chat:1:en",
            "a:{x}.json, a:b:c.json"
        })
        void rejectsChannelsThatDoNotFit(String pattern, String channel) {
            assertThat(ChannelPattern.parse(pattern).match(channel)).isNull();
        }

        @Test
        void letsAVariableEndBeforeATrailingLiteral() {
            assertThat(ChannelPattern.parse("files:{name}.json").match("files:report.v2.json"))
                    .containsExactly(Map.entry("name", "report.v2"));
        }
    }

    @Nested
    class Specificity {

        @Test
        void putsMoreLiteralPatternsFirst() {
            List<ChannelPattern> patterns = new ArrayList<>(List.of(
                    ChannelPattern.parse("chat:{a}:{b}"),
                    ChannelPattern.parse("chat:room:{id}"),
                    ChannelPattern.parse("chat:room:lobby"),
                    ChannelPattern.parse("chat:{rest}")));
            patterns.sort(ChannelPattern.SPECIFICITY);
            assertThat(patterns)
                    .extracting(ChannelPattern::text)
                    .containsExactly("chat:room:lobby", "chat:room:{id}", "chat:{a}:{b}", "chat:{rest}");
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "chat:{ id}| must not contain whitespace",
                    "chat:{}| has an empty variable {}",
                    "chat:{1x}| has an invalid variable name '1x'",
                    "chat:{a}{b}| two adjacent variables",
                    "chat:{a}:{a}| uses the variable 'a' twice",
                    "chat:{a| unmatched '{' at index 5",
                    "chat:a}| unmatched '}' at index 6",
                    "chat room| must not contain whitespace"
                })
        void rejectsMalformedPatternsSayingWhy(String pattern, String reason) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ChannelPattern.parse(pattern))
                    .withMessageContaining(reason.strip());
        }

        @Test
        void listsVariableNamesInOrder() {
            assertThat(ChannelPattern.parse("x:{a}.{b}").variableNames()).containsExactly("a", "b");
        }
    }
}
