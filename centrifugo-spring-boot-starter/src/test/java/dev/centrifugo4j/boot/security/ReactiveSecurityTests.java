package dev.centrifugo4j.boot.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.rpc.WebSocketRpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;

/**
 * Spring Security on WebFlux: the proxy paths' chain takes the forwarded credentials (here HTTP
 * Basic, added by a {@link CentrifugoReactiveProxySecurityCustomizer}), the exchange's principal
 * reaches {@link SpringSecurityConnectHandler}, and no CSRF token is asked of Centrifugo.
 */
@SpringBootTest(
        classes = ReactiveSecurityTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes"
        })
class ReactiveSecurityTests {

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> connect(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + this.port + "/centrifugo/connect/"))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                                + "\"name\":\"js\",\"version\":\"5.8.0\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theForwardedCredentialsAreTheConnectionsUser() throws Exception {
        HttpResponse<String> response = connect(basic("alice", "alice-password"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"result\":{\"user\":\"alice\"");
    }

    @Test
    void aConnectionWithoutCredentialsIsRefused() throws Exception {
        HttpResponse<String> response = connect(null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"disconnect\":{\"code\":4501,\"reason\":\"unauthorized\"}}");
    }

    private HttpResponse<String> rpc(String method, String authorization) throws Exception {
        return this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/centrifugo/rpc/"))
                        .header("Content-Type", "application/json")
                        .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"client\":\"c1\",\"user\":\"u\",\"method\":\"" + method + "\",\"data\":{}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void preAuthorizeOnABlockingHandlerSeesTheUserOnItsThread() throws Exception {
        assertThat(rpc("secured.admin", basic("bob", "bob-password")).body())
                .isEqualTo("{\"result\":{\"data\":\"bob\"}}");
        assertThat(rpc("secured.admin", basic("alice", "alice-password")).body())
                .isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
    }

    @Test
    void preAuthorizeOnAnAsynchronousHandlerSeesTheUser() throws Exception {
        assertThat(rpc("secured.admin.later", basic("bob", "bob-password")).body())
                .isEqualTo("{\"result\":{\"data\":\"bob later\"}}");
        assertThat(rpc("secured.admin.later", basic("alice", "alice-password")).body())
                .isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
    }

    @Test
    void otherPathsKeepSpringSecuritysDefaultChain() throws Exception {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/anything"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableMethodSecurity
    static class TestApplication {

        @Bean
        SecuredHandlers securedHandlers() {
            return new SecuredHandlers();
        }

        @Bean
        MapReactiveUserDetailsService users() {
            return new MapReactiveUserDetailsService(
                    User.withUsername("alice")
                            .password("{noop}alice-password")
                            .roles("USER")
                            .build(),
                    User.withUsername("bob")
                            .password("{noop}bob-password")
                            .roles("ADMIN")
                            .build());
        }

        @Bean
        CentrifugoReactiveProxySecurityCustomizer basicCredentials() {
            return (http) -> http.httpBasic(Customizer.withDefaults());
        }
    }

    static class SecuredHandlers {

        @WebSocketRpc("secured.admin")
        @PreAuthorize("hasRole('ADMIN')")
        String admin() {
            return SecurityContextHolder.getContext().getAuthentication().getName();
        }

        @WebSocketRpc("secured.admin.later")
        @PreAuthorize("hasRole('ADMIN')")
        CompletionStage<String> adminLater() {
            String name = SecurityContextHolder.getContext().getAuthentication().getName();
            return CompletableFuture.supplyAsync(() -> name + " later");
        }
    }
}
