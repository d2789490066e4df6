package com.example.strict;

import java.util.List;

/** Notes inside a list, for the path of an error. */
public record Notes(List<Note> notes) {}
