package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.reliability.HostileCase.Calls;
import dev.centrifugo4j.reliability.HostileCase.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

/**
 * Hostile requests over bare sockets against an application with the starter and Spring Security
 * in a real Tomcat: every case of {@link HostileCatalogue} must be answered safely. Safe means: the
 * answer is well-formed HTTP (or the connection is closed), no handler runs for a request without
 * the one right secret, nothing of the server's insides, the secret, a handler's exception text or
 * the request's own text comes back, the application's security is not bypassed (its canary
 * controller never answers) and the server answers a valid call afterwards. Each case says beyond that
 * what the answer must be.
 *
 * <p>Runs in its own surefire execution: Spring Security is on the class path of this test only.
 */
@SpringBootTest(
        classes = HostileApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=" + HostileApplication.SECRET,
            "logging.level.dev.centrifugo4j=OFF",
            "logging.level.org.apache.catalina=OFF",
            "logging.level.org.apache.coyote=OFF",
            "logging.level.org.springframework.web=OFF"
        })
@EnabledIf(
        value = "springSecurityPresent",
        disabledReason = "runs in the hostile-requests execution, which has Spring Security on the class path")
class HostileRequestTests {

    /** Text that must never be on the wire. */
    private static final List<String> LEAKS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "dev.centrifugo4j",
            "org.springframework",
            "org.apache",
            "tools.jackson",
            "com.fasterxml",
            "Exception",
            ".java:",
            HostileApplication.SECRET,
            HostileApplication.SECRET_DETAIL,
            HostileApplication.CANARY);

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\(");

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    @LocalServerPort
    private int port;

    static boolean springSecurityPresent() {
        return ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain", null);
    }

    @TestFactory
    Stream<DynamicContainer> everyHostileRequestIsAnsweredSafely() {
        Map<Category, List<HostileCase>> byCategory = HostileCatalogue.cases().stream()
                .collect(Collectors.groupingBy(HostileCase::category, LinkedHashMap::new, Collectors.toList()));
        return byCategory.entrySet().stream()
                .map((entry) -> DynamicContainer.dynamicContainer(
                        entry.getKey().title(),
                        entry.getValue().stream()
                                .map((hostile) -> DynamicTest.dynamicTest(hostile.toString(), () -> run(hostile)))));
    }

    @Test
    void theCatalogueHasAtLeastAHundredCasesWithUniqueIdsAndTenInEveryCategory() {
        List<HostileCase> cases = HostileCatalogue.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().map(HostileCase::id)).doesNotHaveDuplicates();
        Map<Category, Long> perCategory =
                cases.stream().collect(Collectors.groupingBy(HostileCase::category, Collectors.counting()));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrder(Category.values());
        assertThat(perCategory.values()).allSatisfy((count) -> assertThat(count).isGreaterThanOrEqualTo(10));
    }

    private void run(HostileCase hostile) throws IOException {
        Map<String, Long> before = snapshot();
        long canaryBefore = HostileApplication.canaryHits.get();
        RawHttp.Exchange exchange = RawHttp.exchange(this.port, hostile.request(), hostile.headRequest(), READ_TIMEOUT);
        String alive = liveness();
        Calls calls = delta(before, snapshot());
        long canary = HostileApplication.canaryHits.get() - canaryBefore;

        List<String> violations = new ArrayList<>(unsafe(hostile, exchange, calls, canary));
        if (alive != null) {
            violations.add(alive);
        }
        String unexpected = hostile.expectation().violation(exchange, calls);
        if (unexpected != null) {
            violations.add(unexpected);
        }
        if (Arrays.asList(System.getProperty("hostile.show", "").split(",")).contains(hostile.id())) {
            // -Dhostile.show=S01,P14: every byte that came back, to see what a case is answered with.
            System.out.println(new String(exchange.raw(), StandardCharsets.UTF_8));
        }
        System.out.printf(
                "hostile %-4s %-5s %-18s calls %-28s %5d ms  %s%n",
                hostile.id(),
                violations.isEmpty() ? "ok" : "FAIL",
                exchange.statuses() + (exchange.closed() ? " closed" : " open"),
                calls.byHandler(),
                exchange.millis(),
                violations.isEmpty() ? hostile.description() : String.join("; ", violations));
        assertThat(violations).as("%s: %s", hostile.id(), exchange).isEmpty();
    }

    /** What makes the exchange unsafe, whatever the case expects. */
    private static List<String> unsafe(HostileCase hostile, RawHttp.Exchange exchange, Calls calls, long canary) {
        List<String> violations = new ArrayList<>();
        if (exchange.malformed() != null) {
            violations.add("a malformed response: " + exchange.malformed());
        }
        if (exchange.finals().isEmpty() && !exchange.closed()) {
            violations.add("no answer within " + READ_TIMEOUT.toSeconds() + " s on an open connection");
        }
        for (RawHttp.Response response : exchange.finals()) {
            int status = response.status();
            if (status >= 500 && status != 501 && status != 505) {
                violations.add("HTTP " + status);
            }
            // A CORS preflight the application's CORS configuration allows is an empty 200.
            if (status == 200 && response.body().length > 0) {
                ReplyCheck.Outcome reply = ReplyCheck.check(status, response.body());
                if (!reply.ok()) {
                    violations.add("HTTP 200 that is no well-formed Centrifugo reply (" + reply.violation() + ")");
                }
            }
        }
        String wire = new String(exchange.raw(), StandardCharsets.ISO_8859_1);
        String utf8 = new String(exchange.raw(), StandardCharsets.UTF_8);
        for (String leak : LEAKS) {
            if (wire.contains(leak) || utf8.contains(leak)) {
                violations.add("leaks '" + leak + "'");
            }
        }
        if (STACK_FRAME.matcher(wire).find()) {
            violations.add("leaks a stack frame");
        }
        for (String echo : hostile.echoes()) {
            if (wire.contains(echo)) {
                violations.add("repeats the request's '" + echo + "'");
            }
        }
        if (calls.total() > hostile.mayRun()) {
            violations.add("handlers ran " + calls.total() + " time(s), at most " + hostile.mayRun()
                    + " allowed (only requests with the one right secret may run one): " + calls.byHandler());
        }
        if (calls.of("hostile.smuggled") > 0) {
            violations.add("the smuggled request ran");
        }
        if (canary > 0) {
            violations.add("the application's canary controller answered " + canary
                    + " time(s): a request got past its security");
        }
        return violations;
    }

    /** Whether the server still serves a valid call, on a new connection: {@code null} when it does. */
    private String liveness() throws IOException {
        long pings = HostileApplication.pings.get();
        byte[] ping = HostileCatalogue.post(HostileCatalogue.RPC)
                .secret()
                .json(HostileCatalogue.rpcBody("hostile.ping", null))
                .bytes();
        RawHttp.Exchange exchange = RawHttp.exchange(this.port, ping, false, READ_TIMEOUT);
        RawHttp.Response response = exchange.first();
        if (response == null
                || response.status() != 200
                || !response.bodyText().equals("{\"result\":{\"data\":\"pong\"}}")
                || HostileApplication.pings.get() != pings + 1) {
            return "the server did not serve a valid call afterwards: " + exchange;
        }
        return null;
    }

    private static Map<String, Long> snapshot() {
        Map<String, Long> counts = new HashMap<>();
        HostileApplication.calls.forEach((handler, count) -> counts.put(handler, count.get()));
        return counts;
    }

    private static Calls delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> byHandler = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (delta != 0) {
                byHandler.put(entry.getKey(), delta);
                total += delta;
            }
        }
        return new Calls(total, Map.copyOf(byHandler));
    }
}
