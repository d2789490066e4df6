package dev.centrifugo4j.it.zoo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A grade, written with the names {@code @JsonProperty} gives. */
public enum Grade {
    @JsonProperty("s")
    SMALL,
    @JsonProperty("l")
    LARGE
}
