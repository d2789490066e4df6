package com.example.zoo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * What a keeper publishes when feeding a cage.
 *
 * @param food what is fed
 * @param grams how much
 */
public record Feeding(@NotBlank String food, @Positive int grams) {}
