package dev.centrifugo4j.reliability;

import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * What a typical application is: the starter and Spring Security, nothing else. Its own security
 * chain wants an authenticated user for everything (HTTP Basic) and lets one browser origin in
 * through CORS; the starter adds its chain for the proxy paths. A handler of every kind: an RPC
 * method with a validated record, subscribe and publish handlers with a channel variable, a connect
 * handler; a few that fail or return nothing on purpose.
 *
 * <p>Every handler counts its calls, so that the hostile requests can tell whether one ran. Two
 * things must never run at all: the RPC method {@code hostile.smuggled}, which only requests hidden
 * inside others call, and the {@link Canary} controller behind the application's own security chain,
 * which nothing here is authenticated for.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class HostileApplication {

    /** The proxy secret: 38 bytes. */
    static final String SECRET = "hostile-proxy-secret-0123456789abcdefg";

    static final String SECRET_HEADER = "X-Centrifugo-Proxy-Secret";

    /** The one origin the application's CORS configuration allows. */
    static final String ALLOWED_ORIGIN = "https://app.example.com";

    /** Text that failing handlers put into their exceptions: must never reach the wire. */
    static final String SECRET_DETAIL = "HOSTILE-DETAIL-5d2b";

    /** What the canary answers: on the wire it means a request got past the application's security. */
    static final String CANARY = "CANARY-PROTECTED-91fe";

    /** Calls of each handler (by RPC method, channel handler or "connect"), not counting the liveness ping. */
    static final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    /** Calls of 'hostile.ping', the liveness check. */
    static final AtomicLong pings = new AtomicLong();

    /** Requests the canary controller answered. */
    static final AtomicLong canaryHits = new AtomicLong();

    static void count(String handler) {
        calls.computeIfAbsent(handler, (name) -> new AtomicLong()).incrementAndGet();
    }

    /** All calls of all handlers but the liveness ping. */
    static long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    static long callsOf(String handler) {
        AtomicLong count = calls.get(handler);
        return (count != null) ? count.get() : 0;
    }

    @Bean
    SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .cors(Customizer.withDefaults())
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(ALLOWED_ORIGIN));
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    HostileHandlers hostileHandlers() {
        return new HostileHandlers();
    }

    @Bean
    ConnectHandler hostileConnectHandler() {
        return (context) -> {
            count("connect");
            if ("boom".equals(context.name())) {
                throw new IllegalStateException(SECRET_DETAIL);
            }
            return ConnectResult.accept(context.user().isEmpty() ? "anonymous-user" : context.user());
        };
    }

    /** The payload of the RPC method and the publications. */
    record Note(
            @NotBlank @Size(max = 64) String text,
            @Min(0) @Max(1000) int count) {}

    /**
     * Every request the application's security chain lets through and no handler mapping knows ends
     * here (a catch-all, as single-page applications have). Nothing in the suite is authenticated, so
     * nothing may reach it. A member class of this configuration, so Spring registers it as a bean.
     */
    @RestController
    static class Canary {

        @RequestMapping("/**")
        String anything() {
            canaryHits.incrementAndGet();
            return CANARY;
        }
    }

    static class HostileHandlers {

        @WebSocketRpc("hostile.ping")
        String ping() {
            pings.incrementAndGet();
            return "pong";
        }

        @WebSocketRpc("hostile.echo")
        Note echo(@Valid Note note) {
            count("hostile.echo");
            return note;
        }

        @WebSocketRpc("hostile.fail")
        String fail() {
            count("hostile.fail");
            throw new IllegalStateException(SECRET_DETAIL);
        }

        /** Only requests hidden inside other requests call it: it must never run. */
        @WebSocketRpc("hostile.smuggled")
        String smuggled() {
            count("hostile.smuggled");
            return "smuggled";
        }

        @OnSubscribe("chat:{roomId}")
        SubscribeResult join(@ChannelVariable long roomId) {
            count("subscribe chat");
            return (roomId % 2 == 0) ? SubscribeResult.allow() : SubscribeResult.deny();
        }

        /** Returns nothing: a handler that forgot to decide. */
        @OnSubscribe("undecided:{name}")
        SubscribeResult undecidedJoin(@ChannelVariable String name) {
            count("subscribe undecided");
            return null;
        }

        @OnPublish("chat:{roomId}")
        PublishDecision publish(@ChannelVariable long roomId, @Valid Note note) {
            count("publish chat");
            return PublishDecision.allow();
        }

        /** Returns nothing: a handler that forgot to decide. */
        @OnPublish("undecided:{name}")
        PublishDecision undecidedPublish(@ChannelVariable String name, Note note) {
            count("publish undecided");
            return null;
        }
    }
}
