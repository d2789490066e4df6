package com.example.zoo;

/** A colour, written by name. */
public enum Color {
    RED,
    GREEN
}
