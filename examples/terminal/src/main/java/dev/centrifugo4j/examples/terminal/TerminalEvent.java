package dev.centrifugo4j.examples.terminal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.centrifugo4j.channel.ChannelPublication;

/**
 * What is published on a session's channel {@code terminal:session:{sessionId}}: the shell's output,
 * and once, when the shell has ended, its exit status. On the wire: {@code {"type":"output",
 * "data":"<base64>"}} or {@code {"type":"exit","status":0}}. A typed channel: the server publishes
 * nothing else there ({@link TerminalChannel}), and the generated client's {@code
 * subscribeTerminalSession} hands out {@code TerminalEvent}s.
 */
@ChannelPublication(TerminalChannel.PATTERN)
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(TerminalEvent.Output.class), @JsonSubTypes.Type(TerminalEvent.Exit.class)})
public sealed interface TerminalEvent {

    /**
     * Bytes the shell wrote to the terminal, in order; a multi-byte character may be split between
     * two of them.
     *
     * @param data the bytes (base64 in JSON)
     */
    @JsonTypeName("output")
    record Output(byte[] data) implements TerminalEvent {}

    /**
     * The shell has ended; nothing is published after this.
     *
     * @param status its exit status (128 + the signal number when a signal ended it)
     */
    @JsonTypeName("exit")
    record Exit(int status) implements TerminalEvent {}
}
