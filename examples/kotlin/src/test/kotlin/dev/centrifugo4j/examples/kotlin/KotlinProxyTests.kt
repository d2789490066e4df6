package dev.centrifugo4j.examples.kotlin

import dev.centrifugo4j.test.ProxyTester
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
import org.springframework.core.env.Environment
import org.springframework.test.web.servlet.MockMvc

/**
 * The rules of data classes, sent through the application's proxy endpoint without Centrifugo:
 * what the contract says of each property is what the server enforces.
 */
@SpringBootTest(
    properties = [
        "centrifugo.api-url=http://127.0.0.1:1/api",
        "centrifugo.api-key=kotlin-proxy-tests-api-key",
        "centrifugo.token.hmac-secret=kotlin-proxy-tests-hmac-secret-0123456789abcdef",
        "centrifugo.proxy.secret=kotlin-proxy-tests-proxy-secret-0123456789abcdef",
    ],
)
@AutoConfigureMockMvc
class KotlinProxyTests {

    @Autowired
    private lateinit var mvc: MockMvc

    @Autowired
    private lateinit var environment: Environment

    private lateinit var proxy: ProxyTester

    @BeforeEach
    fun createTester() {
        proxy = ProxyTester.of(mvc, environment)
    }

    @Test
    fun `a suspend handler answers with its data class`() {
        proxy.rpc("rooms.book").user("ann").dataJson("""{"room":"red","guests":3}""").send()
            .hasData("""{"room":"red","guests":3,"bookedBy":"ann"}""")
    }

    @Test
    fun `a non-null property is required, a primitive one too`() {
        proxy.rpc("rooms.book").dataJson("""{"guests":3}""").send()
            .isError(400, "invalid data at 'room': required property missing")
        proxy.rpc("rooms.book").dataJson("""{"room":"red"}""").send()
            .isError(400, "invalid data at 'guests': required property missing")
        proxy.rpc("rooms.book").dataJson("""{"room":null,"guests":3}""").send()
            .isError(400, "invalid data at 'room': must not be null")
    }

    @Test
    fun `a nullable property may be missing or null`() {
        proxy.rpc("rooms.greet").dataJson("""{"name":"Ada"}""").send()
            .hasData("""{"text":"Hello, Ada!","nickname":null}""")
        proxy.rpc("rooms.greet").dataJson("""{"name":"Ada","nickname":null}""").send()
            .hasData("""{"text":"Hello, Ada!","nickname":null}""")
    }

    @Test
    fun `an unknown property is refused`() {
        proxy.rpc("rooms.greet").dataJson("""{"name":"Ada","admin":true}""").send()
            .isError(400, "invalid data at 'admin': unknown property")
    }

    @Test
    fun `field constraints are validated`() {
        val reply = proxy.rpc("rooms.greet").dataJson("""{"name":"${"x".repeat(41)}"}""").send()
        reply.isError(422)
        assertThat(reply.json().at("/error/message").asString()).contains("\"constraint\":\"Size\"")
    }

    @Test
    fun `the channel handler refuses the staff room to others than staff`() {
        proxy.subscribe("rooms:staff").user("alice").send().isError(403)
        proxy.subscribe("rooms:staff").user("staff-carol").send().isAllowed()
    }
}
