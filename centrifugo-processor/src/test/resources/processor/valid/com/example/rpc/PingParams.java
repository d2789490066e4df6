package com.example.rpc;

import jakarta.validation.constraints.NotBlank;

public record PingParams(@NotBlank String message) {}
