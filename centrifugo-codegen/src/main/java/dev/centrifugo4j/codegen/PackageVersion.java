package dev.centrifugo4j.codegen;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application's version as the generated packages are versioned from it: the release numbers and
 * the words of the qualifier of a version such as a Maven project version ({@code 1.2.0-SNAPSHOT}
 * has the numbers 1, 2, 0 and the word {@code SNAPSHOT}). Each type mapper writes it the way its
 * package manager wants it (npm's semantic versions, Python's PEP 440).
 *
 * @param release the release numbers, without leading zeros, at least one
 * @param qualifier the words after them, split at anything but letters and digits, as written
 */
public record PackageVersion(List<String> release, List<String> qualifier) {

    private static final Pattern VERSION = Pattern.compile("([0-9]+(?:\\.[0-9]+)*)([0-9A-Za-z._+-]*)");

    private static final Pattern SEPARATOR = Pattern.compile("[^0-9A-Za-z]+");

    public PackageVersion {
        release = List.copyOf(release);
        qualifier = List.copyOf(qualifier);
    }

    /**
     * Parses a version.
     *
     * @param version such as {@code 1.2.0-SNAPSHOT}, {@code 2.0}, {@code 1.0-alpha-1}
     * @return its parts
     * @throws IllegalArgumentException when it does not start with a number or holds other characters
     *     than letters, digits and {@code . _ + -}
     */
    public static PackageVersion parse(String version) {
        Matcher matcher = (version == null) ? null : VERSION.matcher(version);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'version' must start with a number, such as 1.2.0 or 1.2.0-SNAPSHOT,"
                    + " and hold only letters, digits and . _ + -, got '" + version + "'");
        }
        List<String> release = Arrays.stream(matcher.group(1).split("\\."))
                .map(number -> new BigInteger(number).toString())
                .toList();
        List<String> qualifier = Arrays.stream(SEPARATOR.split(matcher.group(2)))
                .filter(word -> !word.isEmpty())
                .toList();
        return new PackageVersion(release, qualifier);
    }

    /** Whether a qualifier's word marks a release itself ({@code Final}, {@code GA}, {@code RELEASE}). */
    public static boolean isFinal(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "final", "ga", "release" -> true;
            default -> false;
        };
    }
}
