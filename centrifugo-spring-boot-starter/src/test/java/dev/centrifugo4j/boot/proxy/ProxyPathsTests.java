package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import dev.centrifugo4j.dispatch.ProxyType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which request is a proxy request, the decision the proxy filter and the Security chain share. */
class ProxyPathsTests {

    private static final ProxyPaths PATHS = ProxyPaths.of("", paths("/centrifugo/rpc/", "/centrifugo/connect"));

    private static Map<ProxyType, String> paths(String rpc, String connect) {
        Map<ProxyType, String> paths = new EnumMap<>(ProxyType.class);
        paths.put(ProxyType.RPC, rpc);
        paths.put(ProxyType.CONNECT, connect);
        return paths;
    }

    /** A request as the servlet container hands it over: the raw URI, and its own decoded path. */
    private static MockHttpServletRequest request(String rawUri, String contextPath, String servletPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", rawUri);
        request.setContextPath(contextPath);
        request.setServletPath(servletPath);
        return request;
    }

    private static MockHttpServletRequest request(String rawUri) {
        return request(rawUri, "", "");
    }

    @Nested
    class Matching {

        @Test
        void findsBothSpellingsOfEachPath() {
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/rpc/"))).isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/rpc"))).isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/connect/")))
                    .isEqualTo(ProxyType.CONNECT);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/connect"))).isEqualTo(ProxyType.CONNECT);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/refresh/")))
                    .isNull();
        }

        @Test
        void decodesEachSegmentAfterRemovingItsParameters() {
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/%72pc/"))).isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(PATHS, request("/%63entrifugo/rpc"))).isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/rpc;x=1/")))
                    .isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo;a=b/rpc;c")))
                    .isEqualTo(ProxyType.RPC);
            // An encoded semicolon is part of the name, not the start of parameters.
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/rpc%3Bx=1/")))
                    .isNull();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/centrifugo/RPC/",
                    "/Centrifugo/rpc/",
                    "/centrifugo//rpc/",
                    "//centrifugo/rpc/",
                    "/centrifugo/rpc//",
                    "/centrifugo%2Frpc/",
                    "/centrifugo%2frpc",
                    "/centrifugo/./rpc/",
                    "/centrifugo/%2e/rpc/",
                    "/foo/../centrifugo/rpc/",
                    "/foo/..;/centrifugo/rpc/",
                    "/foo/%2e%2e/centrifugo/rpc/",
                    "/centrifugo/rpc/.",
                    "/centrifugo/rpc/;x",
                    "/centrifugo/%zzpc/",
                    "/centrifugo/rpc%00/",
                    "/centrifugo/rpc%20/",
                    "/centrifugo\\rpc/",
                    "/centrifugo/rpc/x",
                    "/centrifugo/rp",
                    "/centrifugo/%2572pc/"
                })
        void findsNothingForOtherSpellings(String uri) {
            assertThat(ProxyFilter.proxy(PATHS, request(uri))).isNull();
        }

        @Test
        void readsThePathBelowTheContextPath() {
            assertThat(ProxyFilter.proxy(PATHS, request("/app/centrifugo/rpc/", "/app", "/centrifugo/rpc/")))
                    .isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(PATHS, request("/centrifugo/rpc/", "/app", "/centrifugo/rpc/")))
                    .isNull();
        }

        @Test
        void includesTheDispatcherServletsPath() {
            ProxyPaths below = ProxyPaths.of("/mvc", paths("/centrifugo/rpc/", "/centrifugo/connect/"));
            assertThat(ProxyFilter.proxy(below, request("/mvc/centrifugo/rpc"))).isEqualTo(ProxyType.RPC);
            assertThat(ProxyFilter.proxy(below, request("/centrifugo/rpc"))).isNull();
            assertThat(below.urlPatterns())
                    .containsExactly(
                            "/mvc/centrifugo/connect",
                            "/mvc/centrifugo/connect/",
                            "/mvc/centrifugo/rpc",
                            "/mvc/centrifugo/rpc/");
            assertThat(below.pattern(ProxyType.RPC)).isEqualTo("/mvc/centrifugo/rpc/");
        }

        /**
         * What Spring Security's PathPatternRequestMatcher (and Spring MVC) would decide for the same
         * request with the same paths: the same, for every spelling above.
         */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/centrifugo/rpc/",
                    "/centrifugo/rpc",
                    "/centrifugo/connect",
                    "/centrifugo/%72pc/",
                    "/%63entrifugo/rpc",
                    "/centrifugo/rpc;x=1/",
                    "/centrifugo;a=b/rpc;c",
                    "/centrifugo/rpc%3Bx=1/",
                    "/centrifugo/RPC/",
                    "/centrifugo//rpc/",
                    "//centrifugo/rpc/",
                    "/centrifugo/rpc//",
                    "/centrifugo%2Frpc/",
                    "/centrifugo/./rpc/",
                    "/centrifugo/%2e/rpc/",
                    "/foo/../centrifugo/rpc/",
                    "/foo/..;/centrifugo/rpc/",
                    "/centrifugo/rpc/.",
                    "/centrifugo/rpc/;x",
                    "/centrifugo/rpc%20/",
                    "/centrifugo/rpc/x",
                    "/centrifugo/%2572pc/"
                })
        void agreesWithSpringSecuritysPathPatternMatcher(String uri) {
            RequestMatcher security = new OrRequestMatcher(PATHS.urlPatterns().stream()
                    .map((path) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(path))
                    .toList());
            assertThat(ProxyFilter.proxy(PATHS, request(uri)) != null)
                    .as("a proxy request: %s", uri)
                    .isEqualTo(security.matches(request(uri)));
        }
    }

    @Nested
    class Aliases {

        @Test
        void areOtherSpellingsThatTheContainerMapsOntoAProxyPath() {
            // Tomcat merges '//', resolves dot segments and drops path parameters before it maps a request.
            assertThat(ProxyFilter.isAliasOfAProxyPath(PATHS, request("/centrifugo//rpc/", "", "/centrifugo/rpc/")))
                    .isTrue();
            assertThat(ProxyFilter.isAliasOfAProxyPath(
                            PATHS, request("/foo/..;/centrifugo/rpc/", "", "/centrifugo/rpc/")))
                    .isTrue();
            assertThat(ProxyFilter.isAliasOfAProxyPath(
                            PATHS, request("/centrifugo/./connect", "", "/centrifugo/connect")))
                    .isTrue();
        }

        @Test
        void areNotTheProxyPathsThemselvesNorOtherPaths() {
            assertThat(ProxyFilter.isAliasOfAProxyPath(PATHS, request("/centrifugo/rpc/", "", "/centrifugo/rpc/")))
                    .isFalse();
            assertThat(ProxyFilter.isAliasOfAProxyPath(PATHS, request("/centrifugo/%72pc/", "", "/centrifugo/rpc/")))
                    .isFalse();
            assertThat(ProxyFilter.isAliasOfAProxyPath(PATHS, request("/centrifugo/RPC/", "", "/centrifugo/RPC/")))
                    .isFalse();
        }

        @Test
        void countTheServletPathAndThePathInfo() {
            MockHttpServletRequest request = request("/mvc/centrifugo//rpc/", "", "/mvc");
            request.setPathInfo("/centrifugo/rpc/");
            assertThat(ProxyFilter.isAliasOfAProxyPath(
                            ProxyPaths.of("/mvc", paths("/centrifugo/rpc/", "/centrifugo/connect/")), request))
                    .isTrue();
        }
    }

    @Nested
    class Configuration {

        @Test
        void normalizesConfiguredPaths() {
            assertThat(ProxyPaths.normalize(" rt/rpc// ")).isEqualTo("/rt/rpc");
            assertThat(ProxyPaths.normalize("/centrifugo/sub_refresh/")).isEqualTo("/centrifugo/sub_refresh");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"/", "", "/a//b", "/a/./b", "/a/../b", "/a;b", "/a%2Fb", "/a b", "/a?b", "/a/*", "/{x}"})
        void refusesPathsThatNoRequestSpellsAsWritten(String path) {
            assertThatIllegalArgumentException().isThrownBy(() -> ProxyPaths.normalize(path));
        }

        @Test
        void refusesTwoProxiesOnOnePath() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ProxyPaths.of("", paths("/centrifugo/rpc/", "centrifugo/rpc")))
                    .withMessageContaining("'/centrifugo/rpc'");
        }

        @Test
        void listsEachPathWithItsProxy() {
            assertThat(PATHS.paths())
                    .containsExactly(
                            entry("/centrifugo/connect", "connect"),
                            entry("/centrifugo/connect/", "connect"),
                            entry("/centrifugo/rpc", "rpc"),
                            entry("/centrifugo/rpc/", "rpc"));
            assertThat(PATHS.proxies()).containsExactlyInAnyOrderElementsOf(List.of(ProxyType.RPC, ProxyType.CONNECT));
        }
    }
}
