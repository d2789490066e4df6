package dev.centrifugo4j.bench.http;

import dev.centrifugo4j.bench.rpc.EchoHandlers;
import dev.centrifugo4j.bench.rpc.HandWrittenRpc;
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
     * loop instead of bounded-elastic (what the starter never does; the benchmark measures what the
     * thread hop costs against it).
     */
    @Bean("centrifugoBlockingHandlerExecutor")
    @ConditionalOnBooleanProperty("bench.inline-handlers")
    Executor inlineHandlers() {
        return Runnable::run;
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
