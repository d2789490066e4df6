package com.example.zoo;

import java.util.List;

/**
 * One page of items.
 *
 * @param items the items of this page
 * @param total how many items there are in all
 * @param <T> the type of the items
 */
public record Page<T>(List<T> items, int total) {}
