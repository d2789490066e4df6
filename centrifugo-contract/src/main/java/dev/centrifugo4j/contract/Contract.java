package dev.centrifugo4j.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contract the annotation processor wrote, as the generators see it.
 *
 * @param version the contract's version hash
 * @param methods the RPC methods, sorted by name
 * @param channels the channel handlers, sorted by pattern and operation
 * @param definitions the named types, sorted by name
 */
public record Contract(
        String version, List<RpcMethod> methods, List<Channel> channels, Map<String, TypeDefinition> definitions) {

    public Contract {
        methods = List.copyOf(methods);
        channels = List.copyOf(channels);
        definitions = Collections.unmodifiableMap(new TreeMap<>(definitions));
    }

    /**
     * One RPC method.
     *
     * @param name the RPC name, such as {@code orders.get_status}
     * @param description the Javadoc description, or empty
     * @param async whether the Java method is asynchronous (informative: the wire is the same)
     * @param params the parameters type, if the method takes data
     * @param result the result type, if the method answers with data
     */
    public record RpcMethod(
            String name, String description, boolean async, Optional<TypeRef> params, Optional<TypeRef> result) {}

    /**
     * The channels a client can subscribe to, by pattern in contract order: the channel handlers
     * and typed channels of each pattern (sub_refresh handlers left out, a client does not call them).
     */
    public Map<String, List<Channel>> channelsByPattern() {
        Map<String, List<Channel>> byPattern = new LinkedHashMap<>();
        for (Channel channel : this.channels) {
            if (!channel.operation().equals("sub_refresh")) {
                byPattern
                        .computeIfAbsent(channel.pattern(), pattern -> new ArrayList<>())
                        .add(channel);
            }
        }
        return byPattern;
    }

    /**
     * One channel handler, or the declaration of a typed channel.
     *
     * @param pattern the channel pattern, such as {@code chat:room:{roomId}}
     * @param operation {@code subscribe}, {@code publish} or {@code sub_refresh} for a handler;
     *     {@link #PUBLICATION} for a typed channel (the contract's {@code typedChannels})
     * @param variables the pattern's variables in order, with their types
     * @param description the Javadoc description, or empty
     * @param data the publication type: what a publish handler takes, or what a typed channel carries
     */
    public record Channel(
            String pattern, String operation, List<Variable> variables, String description, Optional<TypeRef> data) {

        /** The operation of a typed channel's declaration. */
        public static final String PUBLICATION = "publication";

        public Channel {
            variables = List.copyOf(variables);
        }
    }

    /** One channel pattern variable. */
    public record Variable(String name, TypeRef type) {}
}
