package dev.centrifugo4j.it.zoo;

/** A colour, written by name. */
public enum Color {
    RED,
    GREEN,
    BLUE
}
