package dev.centrifugo4j.codegen;

import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.InvalidChannelPatternException;
import dev.centrifugo4j.contract.InvalidContractException;
import dev.centrifugo4j.contract.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A channel pattern as a generated client sees it, the same for every language: each generator
 * writes a subscribe function for it, and a publish function when {@link #publishable()}.
 *
 * @param pattern the pattern
 * @param variables the pattern's variables with their types, the parameters of its functions
 * @param data the publication type, if the contract names one
 * @param publishable whether a client may publish to the channel: a publish handler exists and the
 *     publication type is known
 */
public record ClientChannel(
        ChannelPattern pattern, List<Contract.Variable> variables, Optional<TypeRef> data, boolean publishable) {

    public ClientChannel {
        variables = List.copyOf(variables);
    }

    /**
     * The channels a client can subscribe to, in contract order (see {@link Contract#channelsByPattern()}).
     *
     * @param contract the contract
     * @return one channel per pattern
     * @throws InvalidContractException when a pattern is malformed (the processor never writes one)
     */
    public static List<ClientChannel> of(Contract contract) {
        List<ClientChannel> channels = new ArrayList<>();
        for (Map.Entry<String, List<Contract.Channel>> entry :
                contract.channelsByPattern().entrySet()) {
            channels.add(of(parse(entry.getKey()), entry.getValue()));
        }
        return channels;
    }

    private static ClientChannel of(ChannelPattern pattern, List<Contract.Channel> handlers) {
        // A handler's variables carry their Java types (a typed channel's are strings); the typed
        // channel's declaration names the publication type (a publish handler takes the same one).
        List<Contract.Variable> variables = handlers.stream()
                .filter(handler -> !isTypedChannel(handler))
                .findFirst()
                .orElse(handlers.get(0))
                .variables();
        Optional<TypeRef> data = handlers.stream()
                .sorted(Comparator.comparing(handler -> !isTypedChannel(handler)))
                .map(Contract.Channel::data)
                .flatMap(Optional::stream)
                .findFirst();
        boolean publishHandler =
                handlers.stream().anyMatch(handler -> handler.operation().equals("publish"));
        return new ClientChannel(pattern, variables, data, publishHandler && data.isPresent());
    }

    private static boolean isTypedChannel(Contract.Channel handler) {
        return handler.operation().equals(Contract.Channel.PUBLICATION);
    }

    private static ChannelPattern parse(String pattern) {
        try {
            return ChannelPattern.parse(pattern);
        } catch (InvalidChannelPatternException ex) {
            throw new InvalidContractException("The contract is invalid: " + ex.getMessage(), ex);
        }
    }

    /**
     * What the names of the channel's functions are made of: the pattern's literal text with a space
     * for each variable ({@code zoo:cage.{cage}.{id}} gives {@code "zoo:cage. . "}), which each
     * language writes in its own case ({@code subscribeZooCage}, {@code subscribe_zoo_cage}).
     */
    public String nameStem() {
        return this.pattern.segments().stream()
                .map(segment -> segment.map(text -> text, name -> " "))
                .collect(Collectors.joining());
    }
}
