package com.example.strict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Takes properties it does not have and ignores them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lenient(String text) {}
