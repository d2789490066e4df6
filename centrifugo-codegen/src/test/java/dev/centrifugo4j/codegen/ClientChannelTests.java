package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.InvalidContractException;
import dev.centrifugo4j.contract.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientChannelTests {

    private static final TypeRef STRING = new TypeRef.Scalar(TypeRef.Kind.STRING, "");

    private static final TypeRef UUID = new TypeRef.Scalar(TypeRef.Kind.STRING, "uuid");

    private static Contract.Channel channel(
            String pattern, String operation, List<Contract.Variable> variables, Optional<TypeRef> data) {
        return new Contract.Channel(pattern, operation, variables, "", data);
    }

    private static List<ClientChannel> of(Contract.Channel... channels) {
        return ClientChannel.of(new Contract("1", List.of(), List.of(channels), Map.of()));
    }

    @Test
    void takesTheVariablesOfAHandlerAndThePublicationTypeOfTheTypedChannel() {
        List<ClientChannel> channels = of(
                channel(
                        "zoo:cage.{id}",
                        "publish",
                        List.of(new Contract.Variable("id", UUID)),
                        Optional.of(new TypeRef.Named("Feeding"))),
                channel(
                        "zoo:cage.{id}",
                        Contract.Channel.PUBLICATION,
                        List.of(new Contract.Variable("id", STRING)),
                        Optional.of(new TypeRef.Named("Sighting"))));

        assertThat(channels).singleElement().satisfies(channel -> {
            assertThat(channel.pattern().text()).isEqualTo("zoo:cage.{id}");
            assertThat(channel.variables()).containsExactly(new Contract.Variable("id", UUID));
            assertThat(channel.data()).contains(new TypeRef.Named("Sighting"));
            assertThat(channel.publishable()).isTrue();
        });
    }

    @Test
    void isPublishableOnlyWithAPublishHandlerAndAPublicationType() {
        List<ClientChannel> channels = of(
                channel("a:{x}", "subscribe", List.of(new Contract.Variable("x", STRING)), Optional.of(STRING)),
                channel("b:{x}", "publish", List.of(new Contract.Variable("x", STRING)), Optional.empty()),
                channel("c:{x}", "publish", List.of(new Contract.Variable("x", STRING)), Optional.of(STRING)));

        assertThat(channels).extracting(ClientChannel::publishable).containsExactly(false, false, true);
    }

    @Test
    void leavesSubRefreshHandlersOut() {
        assertThat(of(channel("news", "sub_refresh", List.of(), Optional.empty())))
                .isEmpty();
    }

    @Test
    void namesItsFunctionsAfterTheLiteralTextWithASpaceForEachVariable() {
        ClientChannel channel = of(channel(
                        "{org}:cage.{cage}.{id}",
                        "subscribe",
                        List.of(
                                new Contract.Variable("org", STRING),
                                new Contract.Variable("cage", STRING),
                                new Contract.Variable("id", STRING)),
                        Optional.empty()))
                .get(0);

        assertThat(channel.nameStem()).isEqualTo(" :cage. . ");
    }

    @Test
    void rejectsAMalformedPatternAsAnInvalidContract() {
        assertThatExceptionOfType(InvalidContractException.class)
                .isThrownBy(() -> of(channel("chat:{room", "subscribe", List.of(), Optional.empty())))
                .withMessageContaining("Channel pattern 'chat:{room' has an unmatched '{' at index 5");
    }
}
