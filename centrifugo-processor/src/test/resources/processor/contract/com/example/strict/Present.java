package com.example.strict;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A property that must be present, though it may be null. */
public record Present(@JsonProperty(required = true) @Nullable String text) {}
