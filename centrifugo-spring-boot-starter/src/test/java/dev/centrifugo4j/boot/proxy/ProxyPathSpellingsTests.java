package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.security.CentrifugoProxySecurityCustomizer;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every spelling of a proxy path, sent byte for byte to a real Tomcat: each request is either served
 * as the proxy endpoint, with its secret check, or refused (400 by the firewall, Tomcat or the proxy
 * filter; 401 by the application's own security; 404), and the starter's Spring Security chain takes
 * it for a proxy request exactly when the proxy filter serves it. A controller of the application on
 * {@code /centrifugo/**} (behind the application's own chain, which wants a login) shows whether
 * anything slipped past both.
 */
class ProxyPathSpellingsTests {

    static final String SECRET = "path-spellings-proxy-secret-0123456789";

    static final String HEADER = "X-Centrifugo-Proxy-Secret";

    static final String CALL =
            "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                    + "\"user\":\"\",\"method\":\"spelling.echo\",\"data\":{}}";

    static final String SERVED = "{\"result\":{\"data\":\"served\"}}";

    /** The request targets sent, {@code PORT} replaced by the server's port. */
    static final List<String> TARGETS = List.of(
            "/centrifugo/rpc/",
            "/centrifugo/rpc",
            "http://127.0.0.1:PORT/centrifugo/rpc/",
            "/centrifugo/rpc/?x=1",
            "/centrifugo/rpc?x=/../../admin",
            "/centrifugo/RPC/",
            "/CENTRIFUGO/rpc/",
            "/centrifugo/Rpc",
            "/centrifugo//rpc/",
            "//centrifugo/rpc/",
            "/centrifugo/rpc//",
            "/centrifugo///rpc",
            "/centrifugo/rpc;x=1/",
            "/centrifugo/rpc;/",
            "/centrifugo;x=1/rpc/",
            "/centrifugo/rpc/;x=1",
            "/foo/..;/centrifugo/rpc/",
            "/foo/../centrifugo/rpc/",
            "/centrifugo/./rpc/",
            "/centrifugo/rpc/.",
            "/centrifugo/rpc/..;/rpc/",
            "/centrifugo/connect/../rpc/",
            "/centrifugo/%72pc/",
            "/centrifugo/%72%70%63",
            "/%63entrifugo/rpc/",
            "/centrifugo/%52PC/",
            "/centrifugo%2Frpc/",
            "/centrifugo%2frpc",
            "/centrifugo/rpc%2F",
            "/centrifugo/%2e/rpc/",
            "/foo/%2e%2e/centrifugo/rpc/",
            "/foo/%2E%2E;/centrifugo/rpc/",
            "/centrifugo/%2572pc/",
            "/centrifugo/rpc%3Bx=1/",
            "/centrifugo/rpc%00/",
            "/centrifugo/rpc%20/",
            "/centrifugo/rpc%C0%AF",
            "/centrifugo/rpc%5C",
            "/centrifugo\\rpc/",
            "/centrifugo/rpc/x",
            "/centrifugo/sub_refresh/",
            "/centrifugo/sub%5Frefresh/");

    /** The secret headers each target is sent with: the right one, a wrong one, none. */
    static final List<List<String>> SECRETS =
            List.of(List.of(HEADER + ": " + SECRET), List.of(HEADER + ": " + SECRET.substring(1) + "x"), List.of());

    /** How a request ended, as seen from outside. */
    enum Answer {
        /** The proxy endpoint answered with a reply of its handler. */
        PROXY_REPLY,
        /** The proxy endpoint refused it for lack of the secret (401 without a login challenge). */
        PROXY_UNAUTHORIZED,
        /** The application's own controller answered: something slipped past. */
        APPLICATION,
        /** Refused before any handler: 400, 404, or by the application's own chain (401, 403 for CSRF). */
        REFUSED
    }

    static Answer answer(RawHttp.Response response) {
        if (response.status() == 200 && response.body().equals("application")) {
            return Answer.APPLICATION;
        }
        if (response.status() == 200 && response.body().startsWith("{\"")) {
            return Answer.PROXY_REPLY;
        }
        if (response.status() == 401 && !response.has("WWW-Authenticate")) {
            return Answer.PROXY_UNAUTHORIZED;
        }
        assertThat(response.status()).isIn(400, 401, 403, 404);
        return Answer.REFUSED;
    }

    /** What the filters and handlers saw, by the X-Probe header of each request. */
    static final class Probes {

        final AtomicInteger next = new AtomicInteger();

        final Set<String> proxyChain = ConcurrentHashMap.newKeySet();

        final Set<String> applicationChain = ConcurrentHashMap.newKeySet();

        final AtomicInteger handlerCalls = new AtomicInteger();

        /** The container's path of every request the application's controller answered. */
        final Queue<String> application = new ConcurrentLinkedQueue<>();

        Filter recorder(Set<String> into) {
            return (request, response, chain) -> {
                String probe = ((HttpServletRequest) request).getHeader("X-Probe");
                if (probe != null) {
                    into.add(probe);
                }
                chain.doFilter(request, response);
            };
        }
    }

    /** One request, and what it went through. */
    record Sent(
            String target,
            boolean rightSecret,
            int status,
            Answer answer,
            boolean proxyChain,
            boolean applicationChain) {}

    static List<Sent> sendAll(int port, Probes probes) throws IOException {
        List<Sent> sent = new ArrayList<>();
        for (String template : TARGETS) {
            String target = template.replace("PORT", Integer.toString(port));
            for (List<String> secret : SECRETS) {
                String probe = Integer.toString(probes.next.incrementAndGet());
                List<String> headers = new ArrayList<>(secret);
                headers.add("Content-Type: application/json");
                headers.add("X-Probe: " + probe);
                RawHttp.Response response = RawHttp.send(port, "POST", target, headers, CALL);
                sent.add(new Sent(
                        target,
                        secret.equals(SECRETS.get(0)),
                        response.status(),
                        answer(response),
                        probes.proxyChain.contains(probe),
                        probes.applicationChain.contains(probe)));
            }
        }
        return sent;
    }

    /** The status of each target sent with the right secret, in the order sent. */
    static Map<String, Integer> statusWithTheSecret(List<Sent> sent) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        sent.stream().filter(Sent::rightSecret).forEach((one) -> statuses.put(one.target(), one.status()));
        return statuses;
    }

    /** Prints what happened to each target: the list a black-box suite replays. */
    static void print(String title, List<Sent> sent) {
        System.out.println(title);
        sent.stream()
                .filter(Sent::rightSecret)
                .forEach((one) -> System.out.printf(
                        "  POST %-45s -> %d %s%s%n",
                        one.target(), one.status(), one.answer(), one.proxyChain() ? " (proxy chain)" : ""));
    }

    @Nested
    @SpringBootTest(
            classes = SecuredApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "centrifugo.proxy.secret=" + SECRET)
    class WithSpringSecurity {

        @LocalServerPort
        private int port;

        @Autowired
        private Probes probes;

        @Test
        void theProxyFilterAndTheSecurityChainTakeTheSameRequestsForProxyRequests() throws IOException {
            int handlerCallsBefore = this.probes.handlerCalls.get();
            List<Sent> sent = sendAll(this.port, this.probes);
            print("Proxy path spellings with Spring Security:", sent);

            for (Sent one : sent) {
                boolean proxy = one.answer() == Answer.PROXY_REPLY || one.answer() == Answer.PROXY_UNAUTHORIZED;
                assertThat(one.proxyChain())
                        .as("%s went through the proxy chain, answered %s", one.target(), one.answer())
                        .isEqualTo(proxy);
                assertThat(one.proxyChain() && one.applicationChain())
                        .as("%s went through both chains", one.target())
                        .isFalse();
                assertThat(one.answer()).as(one.target()).isNotEqualTo(Answer.APPLICATION);
                if (one.answer() == Answer.PROXY_REPLY) {
                    assertThat(one.rightSecret()).as(one.target()).isTrue();
                } else if (one.answer() == Answer.REFUSED) {
                    assertThat(one.proxyChain()).as(one.target()).isFalse();
                }
            }
            assertThat(this.probes.application).isEmpty();
            assertThat(this.probes.handlerCalls.get() - handlerCallsBefore).isEqualTo((int) sent.stream()
                    .filter((one) ->
                            one.answer() == Answer.PROXY_REPLY && !one.target().contains("sub"))
                    .count());
        }

        @Test
        void answersEachSpellingAsSpringSecurityWould() throws IOException {
            Map<String, Integer> statuses = statusWithTheSecret(sendAll(this.port, this.probes));

            assertThat(statuses)
                    .containsEntry("/centrifugo/rpc/", 200)
                    .containsEntry("/centrifugo/rpc", 200)
                    .containsEntry("/centrifugo/rpc/?x=1", 200)
                    .containsEntry("/centrifugo/%72pc/", 200) // decoded as PathPattern and the firewall do
                    .containsEntry("/centrifugo/RPC/", 403) // another path: the application's chain (CSRF)
                    .containsEntry("/centrifugo/rpc/x", 403)
                    .containsEntry("/centrifugo//rpc/", 400) // StrictHttpFirewall
                    .containsEntry("/centrifugo/rpc;x=1/", 400)
                    .containsEntry("/foo/..;/centrifugo/rpc/", 400)
                    .containsEntry("/centrifugo/%2e/rpc/", 400)
                    .containsEntry("/centrifugo/%2572pc/", 400)
                    .containsEntry("/centrifugo%2Frpc/", 400); // Tomcat
        }
    }

    @Nested
    @SpringBootTest(
            classes = UnsecuredApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "centrifugo.proxy.secret=" + SECRET)
    class WithoutSpringSecurity {

        @LocalServerPort
        private int port;

        @Autowired
        private Probes probes;

        @Test
        void nothingTheContainerMapsOntoAProxyPathReachesTheApplicationAndEveryProxyReplyHadTheSecret()
                throws IOException {
            List<Sent> sent = sendAll(this.port, this.probes);
            print("Proxy path spellings without Spring Security:", sent);

            for (Sent one : sent) {
                if (one.answer() == Answer.PROXY_REPLY) {
                    assertThat(one.rightSecret()).as(one.target()).isTrue();
                }
            }
            // The application answers other paths (it has no security), never another spelling of a proxy path.
            assertThat(this.probes.application)
                    .isNotEmpty()
                    .noneMatch((path) -> path.equals("/centrifugo/rpc/")
                            || path.equals("/centrifugo/rpc")
                            || path.equals("/centrifugo/sub_refresh/"));
            Map<String, Integer> statuses = statusWithTheSecret(sent);
            assertThat(statuses)
                    .containsEntry("/centrifugo/rpc/", 200)
                    .containsEntry("/centrifugo/%72pc/", 200)
                    .containsEntry("/centrifugo/rpc;x=1/", 200) // path parameters dropped, as PathPattern does
                    .containsEntry("/centrifugo//rpc/", 400) // the proxy filter: an alias of a proxy path
                    .containsEntry("/foo/..;/centrifugo/rpc/", 400)
                    .containsEntry("/centrifugo/./rpc/", 400)
                    .containsEntry("/centrifugo%2Frpc/", 400); // Tomcat
        }
    }

    static class SpellingHandlers {

        private final Probes probes;

        SpellingHandlers(Probes probes) {
            this.probes = probes;
        }

        @WebSocketRpc("spelling.echo")
        String echo() {
            this.probes.handlerCalls.incrementAndGet();
            return "served";
        }
    }

    /** The rest of the application: answers everything below /centrifugo that no one else does. */
    @RestController
    static class ApplicationController {

        private final Probes probes;

        ApplicationController(Probes probes) {
            this.probes = probes;
        }

        @RequestMapping("/**")
        String any(HttpServletRequest request) {
            String pathInfo = request.getPathInfo();
            this.probes.application.add(request.getServletPath() + ((pathInfo != null) ? pathInfo : ""));
            return "application";
        }
    }

    /** What both applications hold: the probes, the RPC handler and the application's own controller. */
    @Configuration(proxyBeanMethods = false)
    static class SpellingBeans {

        @Bean
        Probes probes() {
            return new Probes();
        }

        @Bean
        SpellingHandlers spellingHandlers(Probes probes) {
            return new SpellingHandlers(probes);
        }

        @Bean
        ApplicationController applicationController(Probes probes) {
            return new ApplicationController(probes);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SpellingBeans.class)
    static class SecuredApplication {

        @Bean
        CentrifugoProxySecurityCustomizer recordProxyChain(Probes probes) {
            return (http) -> http.addFilterBefore(probes.recorder(probes.proxyChain), AuthorizationFilter.class);
        }

        /** The application's own chain: everything else needs a login, but error pages show their status. */
        @Bean
        SecurityFilterChain applicationChain(HttpSecurity http, Probes probes) throws Exception {
            return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .addFilterBefore(probes.recorder(probes.applicationChain), AuthorizationFilter.class)
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(
            excludeName = {
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "dev.centrifugo4j.boot.autoconfigure.CentrifugoSecurityAutoConfiguration"
            })
    @Import(SpellingBeans.class)
    static class UnsecuredApplication {}
}
