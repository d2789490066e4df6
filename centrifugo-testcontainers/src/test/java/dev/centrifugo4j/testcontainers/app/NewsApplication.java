package dev.centrifugo4j.testcontainers.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with no {@code centrifugo.*} property: a service connection wires it. */
@SpringBootApplication
public class NewsApplication {}
