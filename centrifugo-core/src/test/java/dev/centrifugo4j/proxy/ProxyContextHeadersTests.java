package dev.centrifugo4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.rpc.RpcContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyContextHeadersTests {

    private static RpcContext context(Map<String, List<String>> headers) {
        return new RpcContext("c1", "42", "websocket", "json", "json", "m", null, headers, null);
    }

    private static Map<String, List<String>> forwarded() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", List.of());
        headers.put("Authorization", List.of("Bearer a"));
        headers.put("authorization", List.of("Bearer b"));
        headers.put("x-request-id", List.of("r1"));
        return headers;
    }

    @Test
    void looksUpAHeaderWithoutRegardToCaseBeforeAndAfterTheMapIsAskedFor() {
        RpcContext context = context(forwarded());
        assertThat(context.header("AUTHORIZATION")).isEqualTo("Bearer a");
        assertThat(context.header("X-REQUEST-ID")).isEqualTo("r1");
        assertThat(context.header("Cookie")).isNull();
        assertThat(context.headers()).hasSize(2);
        assertThat(context.header("AUTHORIZATION")).isEqualTo("Bearer a");
        assertThat(context.header("X-REQUEST-ID")).isEqualTo("r1");
        assertThat(context.header("Cookie")).isNull();
    }

    @Test
    void mergesNamesThatDifferOnlyInCaseIntoAnUnmodifiableMap() {
        Map<String, List<String>> headers = context(forwarded()).headers();
        assertThat(headers.get("AUTHORIZATION")).containsExactly("Bearer a", "Bearer b");
        assertThat(headers.get("x-request-id")).containsExactly("r1");
        assertThatThrownBy(() -> headers.put("Cookie", List.of("a"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.get("Authorization").add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void answersTheSameMapEveryTimeAndAnEmptyOneWithoutHeaders() {
        RpcContext context = context(forwarded());
        assertThat(context.headers()).isSameAs(context.headers());
        assertThat(context(Map.of()).headers()).isEmpty();
        assertThat(context(Map.of()).header("Authorization")).isNull();
    }
}
