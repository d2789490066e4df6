package dev.centrifugo4j.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client on a bare socket: it sends the bytes it is given as they are (malformed request
 * lines, ambiguous framing, several requests at once) and reads every response the server writes
 * until the server closes the connection. It closes its own side for writing after sending, so that a
 * server waiting for more of a request sees the end at once instead of after its timeout.
 */
final class RawHttp {

    /** The status line of an HTTP/0.9 response, which has none. */
    static final String SIMPLE_RESPONSE = "HTTP/0.9";

    /** The status of an HTTP/0.9 response: unknown. */
    static final int SIMPLE_STATUS = 0;

    private RawHttp() {}

    /** One response as it came over the wire. */
    record Response(String statusLine, int status, Map<String, List<String>> headers, byte[] body) {

        @Nullable
        String header(String name) {
            List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
            return (values == null || values.isEmpty()) ? null : values.get(0);
        }

        List<String> headers(String name) {
            return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String bodyText() {
            return new String(this.body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return this.statusLine + " " + ((text.length() > 160) ? text.substring(0, 160) + "..." : text);
        }
    }

    /**
     * What came back for the bytes sent.
     *
     * @param responses the responses, in order
     * @param raw every byte the server wrote
     * @param closed whether the server closed the connection (else the read timed out)
     * @param malformed why the bytes after the last response are not a response, or {@code null}
     * @param millis how long the exchange took
     */
    record Exchange(
            List<Response> responses,
            byte[] raw,
            boolean closed,
            @Nullable String malformed,
            long millis) {

        /** The final responses (not the interim 1xx ones). */
        List<Response> finals() {
            return this.responses.stream()
                    .filter((response) -> response.status() >= 200 || response.status() == SIMPLE_STATUS)
                    .toList();
        }

        /** The first final response, or {@code null} when none came. */
        @Nullable
        Response first() {
            List<Response> finals = finals();
            return finals.isEmpty() ? null : finals.get(0);
        }

        /** The status codes of the final responses, in order. */
        List<Integer> statuses() {
            return finals().stream().map(Response::status).toList();
        }

        @Override
        public String toString() {
            return this.responses
                    + (this.closed ? " (closed)" : " (open)")
                    + ((this.malformed != null) ? " malformed: " + this.malformed : "");
        }
    }

    /**
     * Sends the bytes and reads until the server closes the connection or stops writing for the timeout.
     *
     * @param port the server's port on loopback
     * @param request the bytes to send
     * @param headRequest whether the (only) request is a HEAD request, whose response has no body
     * @param timeout the longest wait for the next byte
     */
    static Exchange exchange(int port, byte[] request, boolean headRequest, Duration timeout) throws IOException {
        long start = System.nanoTime();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed = false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException ex) {
                // The server may close while a large request is still being written: read what it said.
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, read);
                }
                closed = true;
            } catch (SocketTimeoutException ex) {
                closed = false;
            } catch (IOException ex) {
                // A reset after the server closed: the connection is closed.
                closed = true;
            }
        }
        byte[] raw = received.toByteArray();
        List<Response> responses = new ArrayList<>();
        String malformed = null;
        if (isSimpleRequest(request) && raw.length > 0 && !startsWith(raw, "HTTP/")) {
            // An HTTP/0.9 request gets an HTTP/0.9 response: the body alone, ended by the close.
            responses.add(new Response(SIMPLE_RESPONSE, SIMPLE_STATUS, Map.of(), raw));
        } else {
            malformed = parse(raw, headRequest, responses);
        }
        return new Exchange(List.copyOf(responses), raw, closed, malformed, (System.nanoTime() - start) / 1_000_000);
    }

    /** Parses the responses into the list; returns why the rest is not a response, or {@code null}. */
    private static @Nullable String parse(byte[] raw, boolean headRequest, List<Response> responses) {
        int at = 0;
        while (at < raw.length) {
            int headEnd = indexOf(raw, at, "\r\n\r\n");
            if (headEnd < 0) {
                return "a response head without its end at byte " + at + ": '" + excerpt(raw, at) + "'";
            }
            String head = new String(raw, at, headEnd - at, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n", -1);
            String statusLine = lines[0];
            if (!statusLine.matches("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?")) {
                return "not a status line: '" + statusLine + "'";
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0 || lines[i].charAt(colon - 1) == ' ') {
                    return "not a header line: '" + lines[i] + "'";
                }
                headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            at = headEnd + 4;
            byte[] body;
            List<String> lengths = headers.getOrDefault("content-length", List.of());
            List<String> encodings = headers.getOrDefault("transfer-encoding", List.of());
            if (status < 200 || status == 204 || status == 304 || (headRequest && status >= 200)) {
                body = new byte[0];
            } else if (!encodings.isEmpty()) {
                if (!lengths.isEmpty()) {
                    return "a response with both Content-Length and Transfer-Encoding";
                }
                if (!encodings.equals(List.of("chunked"))) {
                    return "a response with Transfer-Encoding " + encodings;
                }
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                while (true) {
                    int lineEnd = indexOf(raw, at, "\r\n");
                    if (lineEnd < 0) {
                        return "a chunked response body without its end";
                    }
                    String sizeLine = new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                    int size;
                    try {
                        size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
                    } catch (NumberFormatException ex) {
                        return "a chunk size that is not a number: '" + sizeLine + "'";
                    }
                    at = lineEnd + 2;
                    if (size == 0) {
                        int trailerEnd = indexOf(raw, at - 2, "\r\n\r\n");
                        if (trailerEnd < 0) {
                            return "a chunked response without its last line";
                        }
                        at = trailerEnd + 4;
                        break;
                    }
                    if (at + size + 2 > raw.length) {
                        return "a chunk longer than what came";
                    }
                    chunks.write(raw, at, size);
                    at += size + 2;
                }
                body = chunks.toByteArray();
            } else if (!lengths.isEmpty()) {
                if (lengths.size() > 1) {
                    return "a response with " + lengths.size() + " Content-Length headers";
                }
                int length;
                try {
                    length = Integer.parseInt(lengths.get(0));
                } catch (NumberFormatException ex) {
                    return "a response Content-Length that is not a number";
                }
                if (at + length > raw.length) {
                    return "a response body shorter than its Content-Length";
                }
                body = Arrays.copyOfRange(raw, at, at + length);
                at += length;
            } else {
                // Delimited by the end of the connection.
                body = Arrays.copyOfRange(raw, at, raw.length);
                at = raw.length;
            }
            responses.add(new Response(statusLine, status, headers, body));
        }
        return null;
    }

    /** Whether the request line has no HTTP version: an HTTP/0.9 "simple request". */
    private static boolean isSimpleRequest(byte[] request) {
        int end = indexOf(request, 0, "\n");
        String line = new String(request, 0, (end < 0) ? request.length : end, StandardCharsets.ISO_8859_1);
        return !line.contains(" HTTP/");
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return indexOf(bytes, 0, prefix) == 0;
    }

    /** Up to 80 bytes from this offset, control characters escaped. */
    private static String excerpt(byte[] raw, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(raw.length, from + 80); i++) {
            int b = raw[i] & 0xFF;
            text.append((b >= 0x20 && b < 0x7F) ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return text.toString();
    }

    private static int indexOf(byte[] bytes, int from, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(from, 0); i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
