package dev.centrifugo4j.it.zoo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
 * @param count an {@code int}
 * @param total a {@code long}
 * @param renamed written as {@code renamed_field}
 */
public record Everything(
        @NotBlank @Size(max = 200) String name,
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
        List<String> tags,
        Set<Color> colors,
        int[] numbers,
        Map<String, Integer> scores,
        Optional<String> nickname,
        JsonNode extra,
        Object anything,
        Color color,
        Grade grade,
        Mood mood,
        @Valid Order order,
        Shape shape,
        @JsonProperty("renamed_field") String renamed,
        @JsonIgnore @Nullable String ignored,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String omittedWhenNull,
        Page<Tag> tagPage,
        Keeper keeper,
        @Nullable Color maybeColor) {}
