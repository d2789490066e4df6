package com.example.zoo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One of every type the contract maps.
 *
 * @param name a name, not blank
 * @param count a {@code count}
 * @param renamed written as {@code renamed_field}
 */
public record Everything(
        @NotBlank @Size(max = 40) String name,
        int count,
        long total,
        double ratio,
        float half,
        boolean active,
        char initial,
        Integer boxedCount,
        @Nullable Long maybeTotal,
        @Min(1) @Max(10) short level,
        byte small,
        UUID id,
        Instant at,
        OffsetDateTime offsetAt,
        LocalDate day,
        LocalDateTime localAt,
        Duration took,
        BigDecimal price,
        BigInteger huge,
        byte[] bytes,
        @NotEmpty List<@NotBlank String> tags,
        Set<Color> colors,
        int[] numbers,
        Map<String, Integer> scores,
        Optional<String> nickname,
        JsonNode extra,
        Object anything,
        Color color,
        Grade grade,
        Order order,
        Shape shape,
        @JsonProperty("renamed_field") String renamed,
        @JsonIgnore @Nullable String ignored,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String omittedWhenNull,
        @Email String email,
        @Pattern(regexp = "[A-Z]{3}") String code,
        @Positive int positive,
        @DecimalMin(value = "0.5", inclusive = false) BigDecimal aboveHalf,
        Page<Tag> tagPage,
        @Nullable Color maybeColor) {}
