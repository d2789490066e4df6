package dev.centrifugo4j.examples.kotlin

import dev.centrifugo4j.test.CentrifugoServer
import dev.centrifugo4j.test.JavaScriptClient
import dev.centrifugo4j.token.CentrifugoTokens
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Path
import java.time.Duration
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Nested
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.test.context.DynamicPropertyRegistry
import org.springframework.test.context.DynamicPropertySource
import tools.jackson.databind.JsonNode
import tools.jackson.databind.json.JsonMapper
import tools.jackson.databind.node.ObjectNode

/**
 * The Kotlin example through a real Centrifugo v6 and the official JavaScript SDK: suspend handlers
 * on data classes, answered when their coroutines complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KotlinThroughCentrifugoTests {

    @Autowired
    private lateinit var tokens: CentrifugoTokens

    private fun play(user: String, steps: String): JsonNode {
        val output = JavaScriptClient.`in`(Path.of("client"))
            .run(
                "scenario.mjs",
                mapOf(
                    "CENTRIFUGO_URL" to centrifugo.websocketUrl(),
                    "CENTRIFUGO_TOKEN" to tokens.connectionToken(user, Duration.ofMinutes(5)),
                ),
                steps,
            )
        assertThat(output.get("connected").asBoolean()).`as`("connected: %s", output).isTrue()
        return output
    }

    @Nested
    inner class SuspendHandlers {

        @Test
        fun `answer with the data class the coroutine returns`() {
            val output = play("alice", """[{"rpc":"rooms.greet","data":{"name":"Ada","nickname":"Countess"}}]""")
            assertThat(output.at("/results/0").toString())
                .isEqualTo("""{"ok":true,"data":{"text":"Hello, Ada!","nickname":"Countess"}}""")
        }

        @Test
        fun `take a call without a nullable property`() {
            val output = play("alice", """[{"rpc":"rooms.greet","data":{"name":"Ada"}}]""")
            assertThat(output.at("/results/0").toString())
                .isEqualTo("""{"ok":true,"data":{"text":"Hello, Ada!","nickname":null}}""")
        }

        @Test
        fun `refuse a call without a non-null property with error 400`() {
            val output = play("alice", """[{"rpc":"rooms.greet","data":{"nickname":"Countess"}}]""")
            assertThat(output.at("/results/0/error").toString())
                .isEqualTo(
                    """{"code":400,"message":"invalid data at 'name': required property missing","temporary":false}""",
                )
        }

        @Test
        fun `refuse invalid data with error 422 and its violations`() {
            val output = play("alice", """[{"rpc":"rooms.greet","data":{"name":" "}}]""")
            val error = output.at("/results/0/error")
            assertThat(error.get("code").asInt()).isEqualTo(422)
            val details = mapper.readTree(error.get("message").asString())
            assertThat(details.at("/violations/0/field").asString()).isEqualTo("name")
            assertThat(details.at("/violations/0/constraint").asString()).isEqualTo("NotBlank")
        }

        @Test
        fun `answer an RpcException with its own code`() {
            val output = play(
                "alice",
                """[{"rpc":"rooms.book","data":{"room":"staff","guests":2}},
                   {"rpc":"rooms.book","data":{"room":"blue","guests":2}}]""",
            )
            assertThat(output.at("/results/0/error").toString())
                .isEqualTo("""{"code":1409,"message":"the staff room cannot be booked","temporary":false}""")
            assertThat(output.at("/results/1/data").toString())
                .isEqualTo("""{"room":"blue","guests":2,"bookedBy":"alice"}""")
        }

        @Test
        fun `publish with the publisher's future awaited`() {
            val output = play(
                "bob",
                """[{"subscribe":"rooms:blue"},
                   {"rpc":"rooms.announce","data":{"room":"blue","text":"Tea at five"}},
                   {"awaitPublication":"rooms:blue"}]""",
            )
            assertThat(output.at("/results/0/ok").asBoolean()).`as`("%s", output).isTrue()
            assertThat(output.at("/results/1/data/channel").asString()).isEqualTo("rooms:blue")
            assertThat(output.at("/results/1/data/offset").asLong()).isPositive()
            assertThat(output.at("/results/2/data").toString()).isEqualTo("""{"text":"Tea at five","by":"bob"}""")
        }
    }

    @Nested
    inner class ChannelHandlers {

        @Test
        fun `let anyone join a room`() {
            val output = play("alice", """[{"subscribe":"rooms:lobby"}]""")
            assertThat(output.at("/results/0").toString()).isEqualTo("""{"ok":true}""")
        }

        @Test
        fun `refuse the staff room to others than staff`() {
            val output = play("alice", """[{"subscribe":"rooms:staff"}]""")
            assertThat(output.at("/results/0/error/code").asInt()).`as`("%s", output).isEqualTo(403)
            val staff = play("staff-carol", """[{"subscribe":"rooms:staff"}]""")
            assertThat(staff.at("/results/0").toString()).isEqualTo("""{"ok":true}""")
        }
    }

    @Nested
    inner class TheProxyEndpoints {

        private val http: HttpClient = HttpClient.newHttpClient()

        @Test
        fun `refuse a call without the proxy secret with 401`() {
            for (proxy in listOf("rpc", "subscribe")) {
                val response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:$APP_PORT/centrifugo/$proxy/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""{"method":"rooms.greet","data":{"name":"x"}}"""))
                        .build(),
                    HttpResponse.BodyHandlers.ofString(),
                )
                assertThat(response.statusCode()).`as`(proxy).isEqualTo(401)
            }
        }

        @Test
        fun `answer bad input with a well-formed error reply`() {
            for (body in listOf("{not json", """{"method":"rooms.greet","data":{"name":{"first":"Ada"}}}""")) {
                val response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:$APP_PORT/centrifugo/rpc/"))
                        .header("Content-Type", "application/json")
                        .header("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofString(),
                )
                assertThat(response.statusCode()).isEqualTo(200)
                assertThat(response.body()).`as`(body).startsWith("""{"error":{"code":400""").doesNotContain("Exception")
            }
        }
    }

    companion object {

        private val PROXY_SECRET = "kotlin-it-proxy-secret-0123456789-${System.nanoTime()}"

        private val APP_PORT = CentrifugoServer.freePort()

        private val mapper = JsonMapper.builder().build()

        private val centrifugo: CentrifugoServer = CentrifugoServer.builder()
            .appProxies("http://127.0.0.1:$APP_PORT")
            // Clients connect with a token: no connect or refresh proxy.
            .config { config -> (config.get("client") as ObjectNode).remove("proxy") }
            .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
            .channelNamespace("rooms") { namespace ->
                namespace.put("subscribe_proxy_enabled", true).put("history_size", 10).put("history_ttl", "60s")
            }
            .build()

        @JvmStatic
        @DynamicPropertySource
        fun properties(registry: DynamicPropertyRegistry) {
            centrifugo.start()
            registry.add("server.port") { APP_PORT }
            registry.add("centrifugo.url", centrifugo::websocketUrl)
            registry.add("centrifugo.api-url", centrifugo::apiUrl)
            registry.add("centrifugo.api-key", centrifugo::apiKey)
            registry.add("centrifugo.token.hmac-secret", centrifugo::hmacSecret)
            registry.add("centrifugo.proxy.secret") { PROXY_SECRET }
        }

        @JvmStatic
        @AfterAll
        fun stopCentrifugo() {
            centrifugo.close()
        }
    }
}
