package dev.centrifugo4j.bench.http;

import dev.centrifugo4j.bench.rpc.EchoHandlers;
import dev.centrifugo4j.bench.rpc.HandWrittenRpc;
import dev.centrifugo4j.boot.proxy.ProxyEndpoint;
import dev.centrifugo4j.boot.proxy.ReactiveProxyEndpoint;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP throughput app: the starter's RPC proxy endpoint ({@code /centrifugo/rpc/}) and a
 * hand-written {@code @RestController} ({@code /hand/rpc}) doing the same secret check, decode,
 * validation, call and encode, in one app, so both run on the same Tomcat, JVM and mapper.
 *
 * <p>Run it with {@code --server.port=...} and {@code --centrifugo.proxy.secret=...}.
 */
@SpringBootApplication
public class BenchApplication {

    /** Where the static servlet answers. */
    public static final String STATIC_PATH = "/static/rpc";

    /** Where {@code --bench.router-function=true} serves the RPC endpoint through a router function. */
    public static final String ROUTER_PATH = "/router/rpc/";

    public static void main(String[] args) {
        SpringApplication.run(BenchApplication.class, args);
    }

    @Bean
    EchoHandlers echoHandlers() {
        return new EchoHandlers();
    }

    /**
     * The floor of any servlet-based endpoint: a plain servlet on the same Tomcat that reads the body
     * and answers the reply bytes without doing anything ({@code /static/rpc}), as the Node static
     * responder of the end-to-end benchmark does.
     */
    @Bean
    ServletRegistrationBean<HttpServlet> staticReplyServlet() {
        byte[] reply = EchoHandlers.REPLY.getBytes(StandardCharsets.UTF_8);
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(
                new HttpServlet() {
                    @Override
                    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        request.getInputStream().readAllBytes();
                        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                        response.setContentLength(reply.length);
                        response.getOutputStream().write(reply);
                    }
                },
                STATIC_PATH);
        registration.setName("staticReply");
        return registration;
    }

    /**
     * With {@code --bench.inline-handlers=true} on WebFlux: the synchronous handler runs on the event
     * loop instead of the starter's centrifugo-handler threads (what the starter never does; the benchmark measures what the
     * thread hop costs against it).
     */
    @Bean("centrifugoBlockingHandlerExecutor")
    @ConditionalOnBooleanProperty("bench.inline-handlers")
    Executor inlineHandlers() {
        return Runnable::run;
    }

    /**
     * With {@code --bench.router-function=true} on WebFlux: the same RPC endpoint behind a router
     * function at {@value #ROUTER_PATH} as well (the {@code DispatcherHandler}, its handler mapping and
     * adapter in front of it), next to the starter's web filter at {@code /centrifugo/rpc/}: the
     * benchmark behind the choice of a web filter.
     */
    @Bean
    @ConditionalOnBooleanProperty("bench.router-function")
    RouterFunction<ServerResponse> routerFunctionRpc(RpcDispatcher rpc, ProxyEndpoint.Settings settings) {
        ReactiveProxyEndpoint endpoint = new ReactiveProxyEndpoint(ProxyType.RPC, rpc, settings, ROUTER_PATH);
        // The endpoint writes the response itself: no ServerResponse for the DispatcherHandler to write.
        return RouterFunctions.route(
                RequestPredicates.POST(ROUTER_PATH),
                request -> endpoint.serve(request.exchange()).then(Mono.<ServerResponse>empty()));
    }

    @Bean
    HandWrittenRpc handWrittenRpc(JsonMapper mapper, Validator validator, EchoHandlers handlers) {
        return new HandWrittenRpc(mapper, validator, handlers);
    }

    @RestController
    static class HandWrittenController {

        private final HandWrittenRpc rpc;

        private final byte[] secret;

        HandWrittenController(HandWrittenRpc rpc, @Value("${centrifugo.proxy.secret}") String secret) {
            this.rpc = rpc;
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }

        @PostMapping(path = "/hand/rpc", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<byte[]> rpc(
                @RequestHeader(name = "X-Centrifugo-Proxy-Secret", required = false) String secret,
                @RequestBody byte[] body) {
            if (secret == null || !MessageDigest.isEqual(this.secret, secret.getBytes(StandardCharsets.UTF_8))) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            }
            return ResponseEntity.ok(this.rpc.handle(body));
        }
    }
}
