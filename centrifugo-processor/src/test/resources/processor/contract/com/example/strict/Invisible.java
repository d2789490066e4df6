package com.example.strict;

/** A property marked nullable with an annotation that does not survive compilation. */
public record Invisible(@com.example.strict.classfile.Nullable String tag) {}
