package com.example.zoo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;

/** Instances of the zoo's types, by the name of their definition in the contract. */
public final class ZooSamples {

    private ZooSamples() {}

    public static Map<String, List<Object>> samples() {
        Tag root = new Tag("animals", null);
        Tag cats = new Tag("cats", root);
        Page<Tag> tagPage = new Page<>(List.of(root, cats), 2);
        Order order = new Order("o-1", List.of(new Order.Line("sku-1", 2), new Order.Line("sku-2", 1)));
        Everything full = new Everything(
                "Rex",
                7,
                9_000_000_000L,
                0.25,
                0.5f,
                true,
                'R',
                12,
                34L,
                (short) 5,
                (byte) -3,
                UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
                Instant.parse("2026-01-02T03:04:05.678Z"),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
                LocalDate.of(2026, 1, 2),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                Duration.ofSeconds(90, 500),
                new BigDecimal("12.50"),
                new BigInteger("123456789012345678901234567890"),
                new byte[] {1, 2, 3, -1},
                List.of("a", "b"),
                Set.of(Color.GREEN),
                new int[] {1, 2, 3},
                Map.of("x", 1),
                Optional.of("rexy"),
                JsonNodeFactory.instance.objectNode().put("free", true),
                List.of(1, "two"),
                Color.RED,
                Grade.SMALL,
                order,
                new Shape.Circle(1.5),
                "renamed",
                "ignored",
                "present",
                "rex@example.com",
                "ABC",
                3,
                new BigDecimal("0.75"),
                tagPage,
                Color.GREEN);
        Everything sparse = new Everything(
                "Min",
                0,
                0,
                0,
                0,
                false,
                ' ',
                0,
                null,
                (short) 1,
                (byte) 0,
                UUID.fromString("00000000-0000-0000-0000-000000000000"),
                Instant.EPOCH,
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                LocalDate.of(1970, 1, 1),
                LocalDateTime.of(1970, 1, 1, 0, 0),
                Duration.ZERO,
                BigDecimal.ZERO,
                BigInteger.ZERO,
                new byte[0],
                List.of("only"),
                Set.of(),
                new int[0],
                Map.of(),
                Optional.empty(),
                JsonNodeFactory.instance.nullNode(),
                null,
                Color.GREEN,
                Grade.LARGE,
                new Order("o-2", List.of()),
                new Shape.Square(2),
                "",
                null,
                null,
                "min@example.org",
                "XYZ",
                1,
                new BigDecimal("0.51"),
                new Page<>(List.of(), 0),
                null);
        Map<String, List<Object>> samples = new LinkedHashMap<>();
        samples.put("Everything", List.of(full, sparse));
        samples.put("Shape", List.of(new Shape.Circle(1), new Shape.Square(2)));
        samples.put("ShapeCircle", List.of(new Shape.Circle(3)));
        samples.put("Order", List.of(order));
        samples.put("OrderLine", List.of(new Order.Line("sku", 1)));
        samples.put("PageOfOrderLine", List.of(new Page<>(order.lines(), 2)));
        samples.put("PageOfTag", List.of(tagPage));
        samples.put("Tag", List.of(root, cats));
        samples.put("LegacyBean", List.of(new LegacyBean()));
        samples.put("Sighting", List.of(new Sighting("lynx", Instant.parse("2026-01-02T03:04:05Z"))));
        samples.put("Feeding", List.of(new Feeding("fish", 200)));
        samples.put("Color", List.of(Color.RED, Color.GREEN));
        samples.put("Grade", List.of(Grade.SMALL, Grade.LARGE));
        return samples;
    }
}
