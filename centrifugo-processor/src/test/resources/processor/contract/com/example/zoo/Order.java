package com.example.zoo;

import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * An order with nested lines.
 *
 * @param id the order's id
 * @param lines what is ordered
 */
public record Order(String id, List<Line> lines) {

    /**
     * One line of an order.
     *
     * @param sku the article
     * @param quantity how many
     */
    public record Line(String sku, @Positive int quantity) {}
}
