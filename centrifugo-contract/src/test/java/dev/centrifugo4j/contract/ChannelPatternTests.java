package dev.centrifugo4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelPatternTests {

    @Nested
    class Segments {

        @Test
        void alternateLiteralTextAndVariablesInPatternOrder() {
            assertThat(ChannelPattern.parse("chat:{org}.room.{roomId}:messages").segments())
                    .containsExactly(
                            new ChannelPattern.Segment.Literal("chat:"),
                            new ChannelPattern.Segment.Variable("org"),
                            new ChannelPattern.Segment.Literal(".room."),
                            new ChannelPattern.Segment.Variable("roomId"),
                            new ChannelPattern.Segment.Literal(":messages"));
        }

        @Test
        void haveNoEmptyLiteralBeforeALeadingOrAfterATrailingVariable() {
            assertThat(ChannelPattern.parse("{user}:inbox.{box}").segments())
                    .containsExactly(
                            new ChannelPattern.Segment.Variable("user"),
                            new ChannelPattern.Segment.Literal(":inbox."),
                            new ChannelPattern.Segment.Variable("box"));
            assertThat(ChannelPattern.parse("{only}").segments())
                    .containsExactly(new ChannelPattern.Segment.Variable("only"));
        }

        @Test
        void areOneLiteralForAPatternWithoutVariables() {
            assertThat(ChannelPattern.parse("news").segments())
                    .containsExactly(new ChannelPattern.Segment.Literal("news"));
        }

        @ParameterizedTest
        @CsvSource({"chat:room:{roomId}", "{a}.{b}", "x$:{a}`y", "news"})
        void giveThePatternTextBackWhenWrittenOutAgain(String pattern) {
            String rewritten = ChannelPattern.parse(pattern).segments().stream()
                    .map(segment -> segment.map(text -> text, name -> "{" + name + "}"))
                    .collect(Collectors.joining());

            assertThat(rewritten).isEqualTo(pattern);
        }

        @Test
        void mapEachKindThroughItsOwnFunction() {
            String expression = ChannelPattern.parse("chat:room:{roomId}.{part}").segments().stream()
                    .map(segment -> segment.map(text -> "'" + text + "'", name -> "str(" + name + ")"))
                    .collect(Collectors.joining(" + "));

            assertThat(expression).isEqualTo("'chat:room:' + str(roomId) + '.' + str(part)");
        }
    }

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
