package com.example.strict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Required (text, stars), nullable (tag), optional (mood) and sometimes left out (hint) properties. */
public record Note(
        String text,
        @Nullable String tag,
        Optional<String> mood,
        int stars,
        @JsonInclude(JsonInclude.Include.NON_NULL) String hint) {}
