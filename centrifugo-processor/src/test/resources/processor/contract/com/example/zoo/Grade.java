package com.example.zoo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A grade, written with the names given by {@code @JsonProperty}. */
public enum Grade {
    @JsonProperty("s")
    SMALL,
    @JsonProperty("l")
    LARGE
}
