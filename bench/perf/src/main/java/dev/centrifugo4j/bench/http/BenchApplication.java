package dev.centrifugo4j.bench.http;

import dev.centrifugo4j.bench.rpc.EchoHandlers;
import dev.centrifugo4j.bench.rpc.HandWrittenRpc;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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

    public static void main(String[] args) {
        SpringApplication.run(BenchApplication.class, args);
    }

    @Bean
    EchoHandlers echoHandlers() {
        return new EchoHandlers();
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
