package com.example.channel;

import jakarta.validation.constraints.NotBlank;

public record ChatMessage(@NotBlank String text) {}
