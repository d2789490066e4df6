package dev.centrifugo4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Debian's redis-server; skipped without it, a failure under CI (which installs it). */
class RedisServerTests {

    @Test
    void startsOnAFreeLoopbackPortAnswersPingAndStopsOnClose() throws Exception {
        requireRedis();
        RedisServer redis = RedisServer.start();
        try {
            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.address()).isEqualTo("redis://127.0.0.1:" + redis.port());
            assertThat(ping(redis.port())).startsWith("+PONG");
        } finally {
            redis.close();
        }
        assertThat(redis.isRunning()).isFalse();
        redis.close();
    }

    @Test
    void findsTheBinaryOnThePathFirst(@TempDir Path temp) throws IOException {
        Path binary = Files.createFile(temp.resolve("redis-server"));
        assertThat(binary.toFile().setExecutable(true)).isTrue();

        assertThat(RedisServer.findBinary(Map.of("PATH", "/nonexistent:" + temp)))
                .contains(binary);
        assertThat(RedisServer.missingBinaryMessage()).contains("apt-get install -y redis-server");
    }

    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[16];
            int read = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
        }
    }

    private static void requireRedis() {
        if (RedisServer.findBinary().isPresent()) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(RedisServer.missingBinaryMessage() + " (CI is set, so this is a failure, not a skip)");
        }
        Assumptions.abort(RedisServer.missingBinaryMessage());
    }
}
