package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTests {

    private final NoDelaySocketFactory sockets = new NoDelaySocketFactory();

    @Test
    void unconnectedSocketsHaveNagleOff() throws IOException {
        // OkHttp asks for an unconnected socket and connects it itself.
        try (Socket socket = this.sockets.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void connectedSocketsHaveNagleOff() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 4, loopback)) {
            try (Socket byAddress = this.sockets.createSocket(loopback, server.getLocalPort());
                    Socket byName = this.sockets.createSocket(loopback.getHostAddress(), server.getLocalPort())) {
                assertThat(byAddress.getTcpNoDelay()).isTrue();
                assertThat(byName.getTcpNoDelay()).isTrue();
            }
        }
    }
}
