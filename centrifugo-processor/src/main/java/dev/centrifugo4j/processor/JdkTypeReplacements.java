package dev.centrifugo4j.processor;

import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * What to use instead of a JDK type that the contract does not describe: the types of {@code
 * java.time}, {@code String} and the numbers that clients in every language read the same way.
 */
final class JdkTypeReplacements {

    private static final String ZONE_ID = "a String with the zone ID, such as \"Europe/Paris\" (ZoneId.of reads it)";

    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
            Map.entry("java.util.Date", "Instant (a point in time) or OffsetDateTime (with its offset)"),
            Map.entry("java.util.Calendar", "ZonedDateTime or OffsetDateTime"),
            Map.entry("java.util.GregorianCalendar", "ZonedDateTime or OffsetDateTime"),
            Map.entry("java.util.TimeZone", ZONE_ID),
            Map.entry("java.sql.Date", "LocalDate"),
            Map.entry("java.sql.Time", "LocalTime"),
            Map.entry("java.sql.Timestamp", "Instant (or LocalDateTime for a timestamp without a time zone)"),
            Map.entry("java.sql.Blob", "byte[]"),
            Map.entry("java.sql.Clob", "String"),
            Map.entry("java.time.ZoneId", ZONE_ID),
            Map.entry(
                    "java.time.ZoneOffset", "OffsetDateTime, or a String such as \"+02:00\" (ZoneOffset.of reads it)"),
            Map.entry("java.time.OffsetTime", "OffsetDateTime or LocalTime"),
            Map.entry("java.time.Period", "Duration, or a String such as \"P1M\" (Period.parse reads it)"),
            Map.entry("java.time.Year", "int"),
            Map.entry("java.time.YearMonth", "LocalDate, or a String such as \"2024-05\" (YearMonth.parse reads it)"),
            Map.entry("java.lang.Number", "Long, Double or BigDecimal"),
            Map.entry("java.lang.CharSequence", "String"),
            Map.entry("java.lang.StringBuilder", "String"),
            Map.entry("java.lang.StringBuffer", "String"),
            Map.entry("java.util.concurrent.atomic.AtomicBoolean", "boolean"),
            Map.entry("java.util.concurrent.atomic.AtomicInteger", "int"),
            Map.entry("java.util.concurrent.atomic.AtomicLong", "long"),
            Map.entry("java.util.OptionalInt", "Optional<Integer> or @Nullable Integer"),
            Map.entry("java.util.OptionalLong", "Optional<Long> or @Nullable Long"),
            Map.entry("java.util.OptionalDouble", "Optional<Double> or @Nullable Double"),
            Map.entry("java.util.Map.Entry", "a record that holds the key and the value"),
            Map.entry("java.util.Iterator", "List<T>"),
            Map.entry("java.util.stream.Stream", "List<T>"),
            Map.entry("java.util.BitSet", "byte[]"),
            Map.entry("java.nio.ByteBuffer", "byte[]"),
            Map.entry(
                    "java.util.Locale",
                    "a String with the language tag, such as \"en-GB\" (Locale.forLanguageTag reads it)"),
            Map.entry("java.util.Currency", "a String with the ISO 4217 code, such as \"EUR\""),
            Map.entry("java.net.URI", "String (URI.create reads it)"),
            Map.entry("java.net.URL", "String (URI.create reads it)"),
            Map.entry("java.net.InetAddress", "String"),
            Map.entry("java.io.File", "a String with the path"),
            Map.entry("java.nio.file.Path", "a String with the path"));

    private JdkTypeReplacements() {}

    /**
     * Why the contract cannot describe a JDK type, with what to use instead.
     *
     * @param element a type of the JDK ({@code java.*} or {@code javax.*})
     * @return the last part of {@link Message#UNSUPPORTED_CONTRACT_TYPE}
     */
    static String reason(TypeElement element) {
        String replacement = REPLACEMENTS.get(element.getQualifiedName().toString());
        if (replacement != null) {
            return Message.TypeReason.JDK_TYPE_REPLACED.format(replacement);
        }
        return (element.getKind() == ElementKind.ENUM)
                ? Message.TypeReason.JDK_ENUM.format()
                : Message.TypeReason.JDK_TYPE.format();
    }
}
