package dev.centrifugo4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Small helpers the drivers share: medians, formatting, writing a result fragment for bench/run. */
public final class Stats {

    private Stats() {}

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static long percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Appends lines to the markdown fragment bench/run puts into BENCHMARKS.md (and prints them). */
    public static void write(Path fragment, String markdown) {
        System.out.println(markdown);
        try {
            Files.createDirectories(fragment.toAbsolutePath().getParent());
            Files.writeString(fragment, markdown + "\n", StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
