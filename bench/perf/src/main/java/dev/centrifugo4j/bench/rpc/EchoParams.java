package dev.centrifugo4j.bench.rpc;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The small validated record every benchmark sends. */
public record EchoParams(
        @NotBlank @Size(max = 200) String message,
        @Min(0) @Max(1000) int count) {}
