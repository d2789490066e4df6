package dev.centrifugo4j.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the test kit's servers end their processes: politely first, then by force. */
final class ServerProcesses {

    /** How long a server process gets to end after each signal. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private ServerProcesses() {}

    /** SIGTERM, and SIGKILL when the process is still alive {@link #STOP_TIMEOUT} later. */
    static void stop(Process running) {
        if (!running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException ex) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
