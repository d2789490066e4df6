package dev.centrifugo4j.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The {@link FuzzApplication} on a random port; test classes that share it share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = FuzzApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=" + RunningFuzzApplication.SECRET,
            "centrifugo.proxy.max-body-size=256KB",
            "centrifugo.proxy.timeout=4s", // under Centrifugo's 5 s proxy timeout; GC pauses on a busy 2-core
            // machine reached 2 s
            "logging.level.dev.centrifugo4j=OFF",
            "logging.level.org.springframework.web=OFF",
            "logging.level.org.apache.catalina=OFF",
            "logging.level.org.apache.coyote=OFF"
        })
@interface RunningFuzzApplication {

    String SECRET = "fuzz-proxy-secret-0123456789abcdef";

    int MAX_BODY_SIZE = 256 * 1024;
}
