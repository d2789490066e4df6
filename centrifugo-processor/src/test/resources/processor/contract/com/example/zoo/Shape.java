package com.example.zoo;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** A shape, told apart by its {@code kind}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = Shape.Circle.class, name = "circle"), @JsonSubTypes.Type(Shape.Square.class)})
public sealed interface Shape permits Shape.Circle, Shape.Square {

    /** A circle. */
    record Circle(double radius) implements Shape {}

    /** A square. */
    @JsonTypeName("square")
    record Square(double side) implements Shape {}
}
