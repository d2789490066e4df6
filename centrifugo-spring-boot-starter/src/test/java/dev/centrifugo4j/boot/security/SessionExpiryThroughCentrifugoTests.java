package dev.centrifugo4j.boot.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.JsonNode;

/**
 * Connections that the connect proxy identifies from the session cookie expire, and the refresh
 * proxy extends them only while the session is valid: a real Centrifugo v6 and the official
 * JavaScript SDK, logged in like a browser. The lifetime is 2 s here so that the test sees several
 * refreshes (the default, 15 minutes, is checked in {@code CentrifugoSecurityAutoConfigurationTests}).
 */
class SessionExpiryThroughCentrifugoTests {

    private static final String PROXY_SECRET = "session-it-proxy-secret-0123456789-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    /** Refresh proxy calls the application received. */
    private static final AtomicInteger refreshes = new AtomicInteger();

    private static CentrifugoServer centrifugo;

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        centrifugo = CentrifugoServer.builder()
                .appProxies("http://127.0.0.1:" + APP_PORT)
                .forwardHeaders("Cookie")
                .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
                .start();
        app = new SpringApplicationBuilder(SessionApplication.class)
                .properties(
                        "server.port=" + APP_PORT,
                        "centrifugo.proxy.secret=" + PROXY_SECRET,
                        "centrifugo.connect.expire-after=2s")
                .run();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (centrifugo != null) {
            centrifugo.close();
        }
    }

    @BeforeEach
    void resetCount() {
        refreshes.set(0);
    }

    private static JsonNode play(String steps) {
        return JavaScriptClient.in(Path.of("client"))
                .run(
                        "session.mjs",
                        Map.of("APP_URL", "http://127.0.0.1:" + APP_PORT, "CENTRIFUGO_URL", centrifugo.websocketUrl()),
                        "{\"user\":\"alice\",\"password\":\"alice-password\",\"steps\":" + steps + "}");
    }

    @Test
    void aConnectionIsRefreshedWhileTheSessionIsValid() {
        JsonNode output = play("[{\"sleep\":6000}]");

        assertThat(output.path("connected").asBoolean()).as("%s", output).isTrue();
        assertThat(output.at("/steps/0/state").asString()).as("%s", output).isEqualTo("connected");
        assertThat(output.path("connecting").toString())
                .as("no reconnect: %s", output)
                .isEqualTo("[0]");
        assertThat(refreshes.get()).as("refresh proxy calls").isGreaterThanOrEqualTo(2);
        assertThat(output.path("disconnected").isNull()).as("%s", output).isTrue();
    }

    @Test
    void aLogoutEndsTheConnectionAtItsNextRefresh() {
        JsonNode output = play("[{\"sleep\":2500},{\"logout\":true},{\"sleep\":6000}]");

        assertThat(output.path("connected").asBoolean()).as("%s", output).isTrue();
        assertThat(output.at("/steps/0/state").asString())
                .as("still connected before the logout: %s", output)
                .isEqualTo("connected");
        // The refresh finds no session and answers "expired" (3005, the SDK reconnects); the connect
        // proxy finds no session either and refuses for good (4501).
        assertThat(output.path("connecting").toString()).as("%s", output).contains("3005");
        assertThat(output.at("/disconnected/code").asInt()).as("%s", output).isEqualTo(4501);
        assertThat(output.at("/disconnected/afterStep").asInt())
                .as("disconnected after the logout: %s", output)
                .isGreaterThanOrEqualTo(2);
        assertThat(output.at("/steps/2/state").asString()).isEqualTo("disconnected");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SessionApplication {

        @Bean
        SecurityFilterChain formLogin(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .logout(Customizer.withDefaults())
                    // The script posts the login and logout forms without reading a CSRF token first.
                    .csrf(csrf -> csrf.disable())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice")
                    .password("{noop}alice-password")
                    .roles("USER")
                    .build());
        }

        @Bean
        FilterRegistrationBean<Filter> refreshCounter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                if (((HttpServletRequest) request).getRequestURI().startsWith("/centrifugo/refresh")) {
                    refreshes.incrementAndGet();
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
