package dev.centrifugo4j.examples.terminal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A web terminal. Users log in to the Spring app (form login, session cookie); the page connects to
 * Centrifugo without a token (the connect proxy identifies the user from the forwarded cookie),
 * opens a shell with the {@code terminal.open} RPC, sends keystrokes with {@code terminal.input} and
 * receives the shell's output on the channel {@code terminal:session:{sessionId}}, which only the
 * session's owner may subscribe to.
 *
 * <p><strong>It gives a shell to every user who can log in</strong>, each in a bubblewrap sandbox of
 * its own ({@link TerminalSandbox}); it does not start without one. It binds to localhost by default;
 * see the example's README for what the sandbox isolates and what it does not.
 */
@SpringBootApplication
@EnableConfigurationProperties(TerminalProperties.class)
public class TerminalApplication {

    public static void main(String[] args) {
        SpringApplication.run(TerminalApplication.class, args);
    }

    @Bean
    static RequiredSecrets requiredSecrets(Environment environment) {
        return new RequiredSecrets(environment);
    }

    /** The shells' sandbox, checked: the application does not start without one that works. */
    @Bean
    TerminalSandbox terminalSandbox(TerminalProperties properties) {
        return TerminalSandbox.of(properties);
    }
}
