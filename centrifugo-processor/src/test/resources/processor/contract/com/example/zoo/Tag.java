package com.example.zoo;

import org.jspecify.annotations.Nullable;

/**
 * A tag that may have a parent tag.
 *
 * @param label the tag's text
 * @param parent the tag above, if any
 */
public record Tag(String label, @Nullable Tag parent) {}
