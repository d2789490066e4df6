package dev.centrifugo4j.examples.quickstart;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoProperties;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands out connection tokens. A real application issues them only to authenticated users, for the
 * user it authenticated; the quick start takes the user from the query to stay small, and listens on
 * loopback only ({@code server.address} in application.properties) so that nobody else gets one.
 */
@RestController
class TokenController {

    private final CentrifugoTokens tokens;

    private final CentrifugoProperties properties;

    TokenController(CentrifugoTokens tokens, CentrifugoProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @GetMapping("/token")
    Map<String, String> token(@RequestParam(defaultValue = "demo") String user) {
        return Map.of(
                "url",
                this.properties.getUrl(),
                "token",
                this.tokens.connectionToken(user, this.properties.getToken().getTtl()));
    }
}
