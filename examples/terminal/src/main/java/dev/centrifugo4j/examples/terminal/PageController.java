package dev.centrifugo4j.examples.terminal;

import java.security.Principal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the page needs to know from the server. */
@RestController
class PageController {

    private final TerminalProperties properties;

    PageController(TerminalProperties properties) {
        this.properties = properties;
    }

    /**
     * The page's settings.
     *
     * @param centrifugoUrl Centrifugo's WebSocket URL, possibly with {@code {host}} for the page's
     *     host name
     * @param user who is logged in
     * @param csrfParameter the form parameter of the CSRF token (for the logout form)
     * @param csrfToken the CSRF token
     */
    record PageConfig(String centrifugoUrl, String user, String csrfParameter, String csrfToken) {}

    @GetMapping("/api/config")
    PageConfig config(Principal principal, CsrfToken csrf) {
        return new PageConfig(
                this.properties.centrifugoWsUrl(), principal.getName(), csrf.getParameterName(), csrf.getToken());
    }
}
