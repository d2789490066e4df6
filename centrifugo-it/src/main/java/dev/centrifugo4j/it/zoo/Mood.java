package dev.centrifugo4j.it.zoo;

import com.fasterxml.jackson.annotation.JsonValue;

/** A mood, written with the code {@code @JsonValue} returns. */
public enum Mood {
    CALM("calm"),
    HUNGRY("hungry \ud83c\udf56"),
    ASLEEP("zzz");

    private final String code;

    Mood(String code) {
        this.code = code;
    }

    /** The code on the wire. */
    @JsonValue
    public String code() {
        return this.code;
    }
}
