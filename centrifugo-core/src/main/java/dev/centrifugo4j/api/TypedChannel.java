package dev.centrifugo4j.api;

import dev.centrifugo4j.channel.ChannelPublication;
import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.contract.InvalidChannelPatternException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes into the channels of a typed channel ({@link ChannelPublication}): the data must be of
 * the channel's type, and the channel name is built from the pattern and its variables, so that
 * the server cannot publish the wrong type or to a channel that the pattern does not match.
 *
 * <pre>{@code
 * TypedChannel<TerminalEvent> terminal = publisher.channel(TerminalEvent.class);
 * terminal.publish(new TerminalEvent("ls", Instant.now()), sessionId); // into terminal:session:<sessionId>
 * }</pre>
 *
 * <p>Variables are given in the order of the pattern. Each must be non-empty and free of {@code :}
 * (Centrifugo's namespace boundary, which no pattern variable matches) and of whitespace. The data
 * is written with the publisher's JSON mapper, which the Spring Boot starter configures like the
 * proxies' mapper. Instances are immutable and thread-safe.
 *
 * @param <T> the publication type
 */
public final class TypedChannel<T> {

    private final CentrifugoPublisher publisher;

    private final Class<T> type;

    private final ChannelPattern pattern;

    private TypedChannel(CentrifugoPublisher publisher, Class<T> type, ChannelPattern pattern) {
        this.publisher = publisher;
        this.type = type;
        this.pattern = pattern;
    }

    /**
     * The typed channel the type declares with {@link ChannelPublication}.
     *
     * @param publisher publishes the data
     * @param type the publication type, annotated with {@code @ChannelPublication}
     * @param <T> the publication type
     * @return the typed channel
     * @throws IllegalArgumentException when the type is not annotated, or its pattern is invalid
     */
    public static <T> TypedChannel<T> of(CentrifugoPublisher publisher, Class<T> type) {
        Checks.requireNonNull(publisher, "publisher");
        Checks.requireNonNull(type, "type");
        ChannelPublication publication = type.getAnnotation(ChannelPublication.class);
        if (publication == null) {
            throw new IllegalArgumentException("'type' " + type.getName()
                    + " is not a typed channel: annotate it with @ChannelPublication(\"<pattern>\")");
        }
        try {
            return new TypedChannel<>(publisher, type, ChannelPattern.parse(publication.value()));
        } catch (InvalidChannelPatternException ex) {
            throw new IllegalArgumentException(
                    "The @ChannelPublication pattern of " + type.getName() + " is invalid: " + ex.getMessage(), ex);
        }
    }

    /** The publication type. */
    public Class<T> type() {
        return this.type;
    }

    /** The channel pattern, for example {@code terminal:session:{sessionId}}. */
    public String pattern() {
        return this.pattern.text();
    }

    /** The pattern's variable names, in order. */
    public List<String> variableNames() {
        return this.pattern.variableNames();
    }

    /**
     * The channel name for the variables.
     *
     * @param variables the values of the pattern's variables, in pattern order
     * @return the channel name, for example {@code terminal:session:42}
     * @throws IllegalArgumentException when a variable is missing, empty, or has {@code :} or whitespace
     */
    public String channel(String... variables) {
        List<String> names = this.pattern.variableNames();
        if (variables == null || variables.length != names.size()) {
            throw new IllegalArgumentException("The pattern \"" + this.pattern.text() + "\" has " + names.size()
                    + " variable(s) " + names + ", but " + (variables == null ? 0 : variables.length)
                    + " value(s) were given");
        }
        for (int i = 0; i < variables.length; i++) {
            String name = names.get(i);
            String value = variables[i];
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' must not be empty");
            }
            for (int c = 0; c < value.length(); c++) {
                char character = value.charAt(c);
                if (character == ':' || Character.isWhitespace(character)) {
                    throw new IllegalArgumentException(
                            "'" + name + "' must not contain ':' or whitespace, got '" + value + "'");
                }
            }
        }
        String channel = substitute(variables);
        // The same grammar the subscribe and publish proxies match channels with.
        Map<String, String> matched = this.pattern.match(channel);
        if (matched == null || !List.copyOf(matched.values()).equals(List.of(variables))) {
            throw new IllegalArgumentException("The channel \"" + channel + "\" built from " + List.of(variables)
                    + " does not match the pattern \"" + this.pattern.text()
                    + "\" with the same variables: a value contains text of the pattern");
        }
        return channel;
    }

    private String substitute(String[] variables) {
        String text = this.pattern.text();
        StringBuilder channel = new StringBuilder(text.length() + 16);
        int variable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                channel.append(variables[variable++]);
                i = text.indexOf('}', i);
            } else {
                channel.append(c);
            }
        }
        return channel.toString();
    }

    /**
     * A publication of the data into the channel of the variables, to add options to ({@code
     * withIdempotencyKey}, {@code withTags}, ...) before {@link CentrifugoPublisher#publish(PublishRequest)}.
     */
    public PublishRequest request(T data, String... variables) {
        return PublishRequest.of(channel(variables), requireInstance(data));
    }

    /**
     * Publishes the data into the channel of the variables.
     *
     * @param data the publication
     * @param variables the values of the pattern's variables, in pattern order
     * @return the publication's position
     */
    public PublishResult publish(T data, String... variables) {
        return this.publisher.publish(request(data, variables));
    }

    /** Publishes like {@link #publish} without blocking. */
    public CompletableFuture<PublishResult> publishAsync(T data, String... variables) {
        return this.publisher.publishAsync(request(data, variables));
    }

    private T requireInstance(T data) {
        Checks.requireNonNull(data, "data");
        if (!this.type.isInstance(data)) {
            // Only reachable through raw types or unchecked casts.
            throw new IllegalArgumentException("'data' must be a " + this.type.getName() + ", got "
                    + data.getClass().getName());
        }
        return data;
    }

    @Override
    public String toString() {
        return "TypedChannel[" + this.pattern.text() + " of " + this.type.getName() + "]";
    }
}
