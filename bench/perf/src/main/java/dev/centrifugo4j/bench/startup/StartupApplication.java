package dev.centrifugo4j.bench.startup;

import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up benchmark's app: a Spring Boot web app with 100 {@code @WebSocketRpc} handlers (in
 * {@code handlers}, generated). {@link StartupTime} runs it with and without the starter on the class
 * path; it prints how long the JVM had been up when the app was ready, and exits.
 */
@SpringBootApplication
public class StartupApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(StartupApplication.class);
        application.addListeners((ApplicationReadyEvent ready) -> {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            boolean starter = ready.getApplicationContext().containsBean("centrifugoRpcDispatcher");
            System.out.println("READY uptime_ms=" + uptime + " starter=" + starter);
            ConfigurableApplicationContext context = ready.getApplicationContext();
            System.exit(SpringApplication.exit(context));
        });
        application.run(args);
    }
}
