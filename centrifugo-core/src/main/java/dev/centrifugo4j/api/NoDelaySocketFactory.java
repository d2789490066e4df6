package dev.centrifugo4j.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The JDK's plain sockets with {@code TCP_NODELAY} on: Nagle's algorithm off. OkHttp leaves it on,
 * and a request whose body goes out in more than one write (a batch of a few hundred publications
 * is several OkHttp segments) then waits for the server's delayed ACK before its last segment
 * leaves: tens of milliseconds per request, which capped auto-batching at a sixth of what
 * Centrifugo takes on loopback (see BENCHMARKS.md). TLS is layered on these sockets as usual.
 */
final class NoDelaySocketFactory extends SocketFactory {

    private final SocketFactory sockets = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(this.sockets.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(this.sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(this.sockets.createSocket(host, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return noDelay(this.sockets.createSocket(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(this.sockets.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
