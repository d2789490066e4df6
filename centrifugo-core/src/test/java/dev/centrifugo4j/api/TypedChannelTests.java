package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.centrifugo4j.channel.ChannelPublication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TypedChannelTests {

    @ChannelPublication("terminal:session:{sessionId}.{tab}")
    record TerminalEvent(String line) {}

    record Untyped(String line) {}

    private final CentrifugoPublisher publisher =
            CentrifugoPublisher.builder().apiUrl("http://127.0.0.1:1/api").build();

    @AfterEach
    void close() {
        this.publisher.close();
    }

    @Nested
    class Creation {

        @Test
        void readsThePatternOfThePublicationType() {
            TypedChannel<TerminalEvent> channel = publisher.channel(TerminalEvent.class);

            assertThat(channel.type()).isEqualTo(TerminalEvent.class);
            assertThat(channel.pattern()).isEqualTo("terminal:session:{sessionId}.{tab}");
            assertThat(channel.variableNames()).containsExactly("sessionId", "tab");
        }

        @Test
        void failsForATypeWithoutTheAnnotation() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> publisher.channel(Untyped.class))
                    .withMessageContaining("is not a typed channel: annotate it with @ChannelPublication");
        }
    }

    @Nested
    class ChannelNames {

        private final TypedChannel<TerminalEvent> channel = publisher.channel(TerminalEvent.class);

        @Test
        void areBuiltFromTheVariablesInPatternOrder() {
            assertThat(this.channel.channel("42", "main")).isEqualTo("terminal:session:42.main");
        }

        @Test
        void keepBracesInValuesAsText() {
            assertThat(this.channel.channel("{tab}", "x")).isEqualTo("terminal:session:{tab}.x");
        }

        @Test
        void needOneValuePerVariable() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> this.channel.channel("42"))
                    .withMessage("The pattern \"terminal:session:{sessionId}.{tab}\" has 2 variable(s)"
                            + " [sessionId, tab], but 1 value(s) were given");
        }

        @Test
        void rejectEmptyValues() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> this.channel.channel("", "main"))
                    .withMessage("'sessionId' must not be empty");
        }

        @Test
        void rejectTheNamespaceBoundaryAndWhitespace() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> this.channel.channel("a:b", "main"))
                    .withMessage("'sessionId' must not contain ':' or whitespace, got 'a:b'");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> this.channel.channel("42", "two words"))
                    .withMessage("'tab' must not contain ':' or whitespace, got 'two words'");
        }

        @Test
        void rejectValuesThatWouldMatchTheVariablesDifferently() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> this.channel.channel("4.2", "main"))
                    .withMessageContaining("does not match the pattern");
        }

        @Test
        void makePublishRequestsOfTheData() {
            TerminalEvent event = new TerminalEvent("ls");

            PublishRequest request = this.channel.request(event, "42", "main");

            assertThat(request.channel()).isEqualTo("terminal:session:42.main");
            assertThat(request.data()).isSameAs(event);
        }

        @Test
        @SuppressWarnings({"unchecked", "rawtypes"})
        void rejectDataOfAnotherTypeSmuggledInThroughARawType() {
            TypedChannel raw = this.channel;

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> raw.request("not an event", "42", "main"))
                    .withMessageContaining("'data' must be a");
        }
    }
}
