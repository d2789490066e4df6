package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The publisher checks its URL without OkHttp; it must take exactly what OkHttp takes. */
class ChecksTests {

    static Stream<String> urls() {
        return Stream.of(
                "http://localhost:8000/api",
                "https://centrifugo.example.com/api",
                "HTTP://LOCALHOST/api",
                "http://127.0.0.1:8000",
                "http://[::1]:8000/api",
                "http://user:secret@localhost:8000/api",
                "http://localhost:8000/api?x=1#frag",
                "http://example.com./api",
                " http://localhost:8000/api ",
                "http://localhost:8000/my api",
                "http://local_host:8000/api",
                "http://exämple.com/api",
                "http://localhost:65535",
                "http://localhost:65536",
                "http://localhost:0",
                "http://localhost:/api",
                "http://localhost:99999999999/api",
                "http://a..b/api",
                "http://-a.example.com/api",
                "http://" + "a".repeat(63) + ".example.com/api",
                "http://" + "a".repeat(64) + ".example.com/api",
                "http://" + "abcdefghi.".repeat(26) + "com/api",
                "http:///api",
                "http:/localhost/api",
                "http://",
                "localhost:8000/api",
                "ftp://localhost/api",
                "mailto:x@example.com",
                "/api",
                "http://%41.example.com/api",
                "http://local host/api",
                "http://localhost:8000/%zz");
    }

    @ParameterizedTest
    @MethodSource("urls")
    void takesWhatOkHttpTakes(String url) {
        assertThat(Checks.isHttpUrl(url)).as(url).isEqualTo(HttpUrl.parse(url) != null);
    }
}
