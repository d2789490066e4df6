package dev.centrifugo4j.bench.rpc;

/** What {@code bench.echo} answers. */
public record EchoResult(String echo, int count) {}
