package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestsTests {

    private final Wire wire = new Wire(JsonMapper.builder().build());

    record Message(String text) {}

    @Nested
    class Validation {

        @Test
        void aPublicationNeedsAChannel() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PublishRequest.of("", "x"))
                    .withMessage("'channel' must not be empty");
        }

        @Test
        void aPublicationNeedsExactlyOnePayload() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PublishRequest("c", "x", "AQ==", false, Map.of(), null, false, 0, null))
                    .withMessage("exactly one of 'data' and 'b64data' must be set");
        }

        @Test
        void aBroadcastNeedsChannels() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> BroadcastRequest.of(List.of(), "x"))
                    .withMessage("'channels' must not be empty");
        }

        @Test
        void aDisconnectCodeMustBeInCentrifugosRange() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> DisconnectRequest.of("42").withDisconnect(1000, "x"))
                    .withMessage("'code' must be between 3000 and 4999, was 1000");
        }

        @Test
        void theBuilderNeedsAnApiUrl() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> CentrifugoPublisher.builder().build())
                    .withMessageContaining("'apiUrl' must be set");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoPublisher.builder().apiUrl("localhost:8000"))
                    .withMessage("'apiUrl' must be an http or https URL, was 'localhost:8000'");
        }

        @Test
        void theBuilderRefusesNonPositiveTimeouts() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CentrifugoPublisher.builder().requestTimeout(Duration.ZERO))
                    .withMessage("'requestTimeout' must be positive, was PT0S");
        }
    }

    @Nested
    class WireFormat {

        @Test
        void aPublicationCarriesEveryOptionInCentrifugosNames() {
            PublishRequest request = PublishRequest.of("chat:1", new Message("hi"))
                    .withTags(Map.of("k", "v"))
                    .withIdempotencyKey("key")
                    .withSkipHistory(true)
                    .withDelta(true)
                    .withVersion(3, "e1");

            assertThat(wire.encode(request).toString())
                    .isEqualTo("{\"channel\":\"chat:1\",\"data\":{\"text\":\"hi\"},\"skip_history\":true,"
                            + "\"tags\":{\"k\":\"v\"},\"idempotency_key\":\"key\",\"delta\":true,\"version\":3,"
                            + "\"version_epoch\":\"e1\"}");
        }

        @Test
        void defaultsAreLeftOut() {
            assertThat(wire.encode(PublishRequest.of("c", 1)).toString()).isEqualTo("{\"channel\":\"c\",\"data\":1}");
            assertThat(wire.encode(new InfoRequest()).toString()).isEqualTo("{}");
        }

        @Test
        void aSubscribeCarriesRecoveryAndOverride() {
            SubscribeRequest request = SubscribeRequest.of("42", "chat:1")
                    .withRecoverSince(new StreamPosition(5, "ep"))
                    .withOverride(SubscriptionOverride.none().withPresence(false))
                    .withExpireAt(100);

            assertThat(wire.encode(request).toString())
                    .isEqualTo("{\"user\":\"42\",\"channel\":\"chat:1\",\"expire_at\":100,"
                            + "\"recover_since\":{\"offset\":5,\"epoch\":\"ep\"},"
                            + "\"override\":{\"presence\":{\"value\":false}}}");
        }

        @Test
        void aBatchNamesEachCommandByItsMethod() {
            BatchRequest batch = BatchRequest.of(PublishRequest.of("a", 1), new PresenceStatsRequest("a"))
                    .withParallel(true);

            assertThat(wire.encodeBatch(batch).toString())
                    .isEqualTo("{\"commands\":[{\"publish\":{\"channel\":\"a\",\"data\":1}},"
                            + "{\"presence_stats\":{\"channel\":\"a\"}}],\"parallel\":true}");
        }

        @Test
        void anAnswerThatIsNotJsonIsADecodeError() {
            assertThatThrownBy(() -> wire.read("info", "<html>".getBytes()))
                    .isInstanceOf(CentrifugoDecodeException.class)
                    .hasMessageContaining("not JSON: <html>");
        }
    }

    @Nested
    class Backoff {

        @Test
        void growsExponentiallyWithJitterAndStaysUnderTheCap() {
            RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0);

            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.backoff(9)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }

        @Test
        void noneMakesASingleAttempt() {
            assertThat(RetryPolicy.none().retries()).isFalse();
        }
    }
}
