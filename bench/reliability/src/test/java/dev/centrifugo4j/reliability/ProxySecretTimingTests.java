package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.proxy.ProxySecretCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A statistical sanity check that the proxy secret check takes as long for a guess that is wrong in
 * its first character as for one wrong only in its last. A naive comparison (stop at the first
 * difference, same shape otherwise) is measured side by side as the control: it must show a clear
 * difference, or the machine is too noisy to say anything and the test is aborted. Timing on shared
 * machines is noisy, so this runs only in the full profile ({@code -Pfull}).
 */
@EnabledIfSystemProperty(named = "reliability.full", matches = "true")
class ProxySecretTimingTests {

    private static final int SECRET_LENGTH = 64 * 1024;

    private static final int ROUNDS = 301;

    private static final int CALLS_PER_ROUND = 50;

    private long sink;

    @Test
    void aGuessWrongEarlyTakesAsLongAsAGuessWrongLate() {
        Random random = new Random(ProxyFuzzTests.seed());
        char[] chars = new char[SECRET_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        String secret = new String(chars);
        String wrongFirst = "#" + secret.substring(1);
        String wrongLast = secret.substring(0, SECRET_LENGTH - 1) + "#";
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);

        ProxySecretCheck check = ProxySecretCheck.requiring("X-Centrifugo-Proxy-Secret", secret);
        Predicate<String> naive = (value) -> Arrays.equals(expected, value.getBytes(StandardCharsets.UTF_8));

        double control = lateToEarlyRatio(naive, wrongFirst, wrongLast);
        double checked = lateToEarlyRatio(check::accepts, wrongFirst, wrongLast);
        System.out.printf(
                "Secret of %d bytes, median time of a guess wrong at the end / wrong at the start:"
                        + " naive comparison %.3f, ProxySecretCheck %.3f%n",
                SECRET_LENGTH, control, checked);

        Assumptions.assumeTrue(
                control > 1.15, "the machine is too noisy to see even the naive comparison's early exit");
        double allowed = (control - 1) / 3;
        assertThat(checked).isBetween(1 - allowed, 1 + allowed);
        assertThat(this.sink).isNotZero();
    }

    private double lateToEarlyRatio(Predicate<String> compare, String wrongFirst, String wrongLast) {
        long[] early = new long[ROUNDS];
        long[] late = new long[ROUNDS];
        for (int warmup = 0; warmup < 3; warmup++) {
            time(compare, wrongFirst);
            time(compare, wrongLast);
        }
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate the order so that drifts in machine load hit both alike.
            if ((round & 1) == 0) {
                early[round] = time(compare, wrongFirst);
                late[round] = time(compare, wrongLast);
            } else {
                late[round] = time(compare, wrongLast);
                early[round] = time(compare, wrongFirst);
            }
        }
        return (double) median(late) / median(early);
    }

    private long time(Predicate<String> compare, String value) {
        long started = System.nanoTime();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            if (!compare.test(value)) {
                this.sink++;
            }
        }
        return System.nanoTime() - started;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
