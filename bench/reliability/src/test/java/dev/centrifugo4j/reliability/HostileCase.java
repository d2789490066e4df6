package dev.centrifugo4j.reliability;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One hostile request of the catalogue: the bytes sent over a bare socket, how many handler calls
 * they may cause at most (only requests that carry the one right secret on a proxy path may cause
 * any), and what the server must answer beyond being safe.
 *
 * @param id a short, stable name ({@code S01}, {@code P07}...)
 * @param category what the case attacks
 * @param description what it sends, in words
 * @param request the bytes sent, one or more requests
 * @param mayRun the most handler calls it may cause
 * @param headRequest whether it is a single HEAD request (its response has no body)
 * @param expectation what the answer must be
 * @param echoes text of the request that must not come back
 */
record HostileCase(
        String id,
        Category category,
        String description,
        byte[] request,
        int mayRun,
        boolean headRequest,
        Expectation expectation,
        List<String> echoes) {

    enum Category {
        SECRET("secret variants"),
        METHOD("methods"),
        CORS("CORS preflight"),
        SIZE("sizes"),
        SMUGGLING("smuggling"),
        PATH("path variants"),
        BODY("body ambiguity"),
        LEAK("leaks");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        String title() {
            return this.title;
        }
    }

    /** The handler calls a case caused: by handler, as {@link HostileApplication#calls} counts them. */
    record Calls(long total, Map<String, Long> byHandler) {

        long of(String handler) {
            return this.byHandler.getOrDefault(handler, 0L);
        }
    }

    /** What the answer to a case must be, beyond being safe. */
    @FunctionalInterface
    interface Expectation {

        /**
         * Checks the exchange.
         *
         * @return why it is not as expected, or {@code null} when it is
         */
        @Nullable
        String violation(RawHttp.Exchange exchange, Calls calls);

        default Expectation and(Expectation other) {
            return (exchange, calls) -> {
                String violation = violation(exchange, calls);
                return (violation != null) ? violation : other.violation(exchange, calls);
            };
        }
    }

    @Override
    public String toString() {
        return this.id + " " + this.description;
    }
}
