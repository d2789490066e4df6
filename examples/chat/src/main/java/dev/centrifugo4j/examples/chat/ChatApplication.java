package dev.centrifugo4j.examples.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A secured chat. Users log in to the Spring app (form login, session cookie); their browser then
 * connects to Centrifugo without a token, and the connect proxy identifies them from the session.
 * Channel handlers decide who may read and write where, and moderate what is published.
 */
@SpringBootApplication
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
