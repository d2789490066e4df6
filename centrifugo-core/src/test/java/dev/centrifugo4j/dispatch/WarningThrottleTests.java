package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarningThrottleTests {

    private final AtomicLong now = new AtomicLong(1_000_000);

    private final WarningThrottle throttle = WarningThrottle.every(Duration.ofSeconds(10), this.now::get);

    @Test
    void letsTheFirstOccurrenceWarnAtOnce() {
        assertThat(this.throttle.occurred()).isEqualTo(1);
    }

    @Test
    void thenOneWarningPerIntervalCountingTheOccurrencesItStandsFor() {
        this.throttle.occurred();
        for (int i = 0; i < 9; i++) {
            assertThat(this.throttle.occurred()).isZero();
        }
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(10) - 1);
        assertThat(this.throttle.occurred()).isZero();
        this.now.addAndGet(1);
        assertThat(this.throttle.occurred()).isEqualTo(11);
        assertThat(this.throttle.occurred()).isZero();
    }

    @Test
    void losesNoOccurrenceUnderContention() throws Exception {
        this.throttle.occurred();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> warned = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                warned.add(threads.submit(() -> {
                    start.await();
                    long sum = 0;
                    for (int i = 0; i < 10_000; i++) {
                        sum += this.throttle.occurred();
                    }
                    return sum;
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> each : warned) {
                total += each.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isZero();
            this.now.addAndGet(TimeUnit.SECONDS.toNanos(10));
            assertThat(this.throttle.occurred()).isEqualTo(40_001);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> WarningThrottle.every(Duration.ZERO));
    }
}
