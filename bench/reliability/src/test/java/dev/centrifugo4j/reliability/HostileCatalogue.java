package dev.centrifugo4j.reliability;

import static dev.centrifugo4j.reliability.HostileExpectations.allowsOrigin;
import static dev.centrifugo4j.reliability.HostileExpectations.badRequest;
import static dev.centrifugo4j.reliability.HostileExpectations.closedAfter;
import static dev.centrifugo4j.reliability.HostileExpectations.denied;
import static dev.centrifugo4j.reliability.HostileExpectations.error;
import static dev.centrifugo4j.reliability.HostileExpectations.errorReply;
import static dev.centrifugo4j.reliability.HostileExpectations.mentionsNone;
import static dev.centrifugo4j.reliability.HostileExpectations.noAllowOrigin;
import static dev.centrifugo4j.reliability.HostileExpectations.noHandler;
import static dev.centrifugo4j.reliability.HostileExpectations.notServed;
import static dev.centrifugo4j.reliability.HostileExpectations.ran;
import static dev.centrifugo4j.reliability.HostileExpectations.rejected;
import static dev.centrifugo4j.reliability.HostileExpectations.result;
import static dev.centrifugo4j.reliability.HostileExpectations.safe;
import static dev.centrifugo4j.reliability.HostileExpectations.servedOrRefused;
import static dev.centrifugo4j.reliability.HostileExpectations.status;
import static dev.centrifugo4j.reliability.HostileExpectations.statuses;
import static dev.centrifugo4j.reliability.HostileExpectations.unauthorized;
import static dev.centrifugo4j.reliability.HostileExpectations.utf8Bodies;

import dev.centrifugo4j.reliability.HostileCase.Category;
import dev.centrifugo4j.reliability.HostileCase.Expectation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The hostile requests, by category. Every request is written out byte for byte: the request line,
 * the headers in the order given, the framing as the case wants it (or gets it wrong on purpose).
 * Requests that carry the right secret on the proxy path say so with {@code mayRun}; all others may
 * not make any handler run.
 */
final class HostileCatalogue {

    static final String SECRET = HostileApplication.SECRET;

    static final String SECRET_HEADER = HostileApplication.SECRET_HEADER;

    static final String RPC = "/centrifugo/rpc/";

    static final String EVIL_ORIGIN = "https://evil.example";

    /** Text put into requests to see whether the answer repeats it. */
    static final String MARKER = "ECHO-MARKER-3c9a";

    private static final String ENVELOPE =
            "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\",\"user\":\"alice\"";

    static final String NOTE = "{\"text\":\"hi\",\"count\":1}";

    private final List<HostileCase> cases = new ArrayList<>();

    private Category category = Category.SECRET;

    private HostileCatalogue() {}

    static List<HostileCase> cases() {
        HostileCatalogue catalogue = new HostileCatalogue();
        catalogue.secrets();
        catalogue.methods();
        catalogue.cors();
        catalogue.sizes();
        catalogue.smuggling();
        catalogue.paths();
        catalogue.bodies();
        catalogue.leaks();
        return List.copyOf(catalogue.cases);
    }

    // ---------------------------------------------------------------- secret variants

    private void secrets() {
        this.category = Category.SECRET;
        String otherSameLength = "x".repeat(SECRET.length());
        add("S01", "no secret header").sends(echo()).expect(unauthorized());
        add("S02", "an empty secret").sends(echo().header(SECRET_HEADER, "")).expect(unauthorized());
        add("S03", "a wrong secret of the same length")
                .sends(echo().header(SECRET_HEADER, otherSameLength))
                .expect(unauthorized());
        add("S04", "the secret without its last byte")
                .sends(echo().header(SECRET_HEADER, SECRET.substring(0, SECRET.length() - 1)))
                .expect(unauthorized());
        add("S05", "the secret with a byte appended")
                .sends(echo().header(SECRET_HEADER, SECRET + "x"))
                .expect(unauthorized());
        add("S06", "the secret in upper case")
                .sends(echo().header(SECRET_HEADER, SECRET.toUpperCase(Locale.ROOT)))
                .expect(unauthorized());
        add("S07", "the secret with its first letter in upper case")
                .sends(echo().header(SECRET_HEADER, Character.toUpperCase(SECRET.charAt(0)) + SECRET.substring(1)))
                .expect(unauthorized());
        add("S08", "the secret with a space inside")
                .sends(echo().header(SECRET_HEADER, SECRET.replaceFirst("-", " ")))
                .expect(unauthorized());
        add("S09", "the secret between spaces and tabs (optional whitespace, not part of the value)")
                .sends(echo().header(SECRET_HEADER, " \t" + SECRET + "\t "))
                .mayRun(1)
                .expect(result().and(ran("hostile.echo", 1)));
        add("S10", "the secret followed by a vertical tab")
                .sends(echo().header(SECRET_HEADER, SECRET + "\u000b"))
                .expect(rejected().and(noHandler()));
        add("S11", "the header twice: the secret, then a wrong value")
                .sends(echo().header(SECRET_HEADER, SECRET).header(SECRET_HEADER, otherSameLength))
                .expect(unauthorized());
        add("S12", "the header twice: a wrong value, then the secret")
                .sends(echo().header(SECRET_HEADER, otherSameLength).header(SECRET_HEADER, SECRET))
                .expect(unauthorized());
        add("S13", "the header twice, both times the secret")
                .sends(echo().secret().secret())
                .expect(unauthorized());
        add("S14", "the secret twice in one comma-joined value")
                .sends(echo().header(SECRET_HEADER, SECRET + ", " + SECRET))
                .expect(unauthorized());
        add("S15", "the secret and a wrong value comma-joined")
                .sends(echo().header(SECRET_HEADER, SECRET + "," + otherSameLength))
                .expect(unauthorized());
        add("S16", "a wrong value and the secret comma-joined")
                .sends(echo().header(SECRET_HEADER, otherSameLength + "," + SECRET))
                .expect(unauthorized());
        add("S17", "the secret in another header")
                .sends(echo().header(SECRET_HEADER + "-2", SECRET))
                .expect(unauthorized());
        add("S18", "the secret as a bearer token")
                .sends(echo().header("Authorization", "Bearer " + SECRET))
                .expect(unauthorized());
        add("S19", "the secret as an HTTP Basic password")
                .sends(echo().header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        ("centrifugo:" + SECRET).getBytes(StandardCharsets.UTF_8))))
                .expect(unauthorized());
        add("S20", "the secret in the query string")
                .sends(post(RPC + "?" + SECRET_HEADER + "=" + SECRET + "&secret=" + SECRET)
                        .json(rpcBody("hostile.echo", NOTE)))
                .expect(unauthorized());
        add("S21", "the secret in a cookie")
                .sends(echo().header("Cookie", SECRET_HEADER + "=" + SECRET))
                .expect(unauthorized());
        add("S22", "the secret in the JSON body")
                .sends(post(RPC)
                        .json(ENVELOPE + ",\"" + SECRET_HEADER + "\":\"" + SECRET
                                + "\",\"method\":\"hostile.echo\",\"data\":" + NOTE + "}"))
                .expect(unauthorized());
        add("S23", "the header's name with underscores")
                .sends(echo().header(SECRET_HEADER.replace('-', '_'), SECRET))
                .expect(unauthorized());
        add("S24", "the header's name in lower case (names are case-insensitive)")
                .sends(echo().header(SECRET_HEADER.toLowerCase(Locale.ROOT), SECRET))
                .mayRun(1)
                .expect(result().and(ran("hostile.echo", 1)));
        add("S25", "whitespace between the header's name and the colon")
                .sends(echo().line(SECRET_HEADER + " : " + SECRET))
                .expect(rejected().and(noHandler()));
        add("S26", "the secret folded over two lines (obsolete line folding)")
                .sends(echo().line(SECRET_HEADER + ": " + SECRET.substring(0, 10))
                        .line(" " + SECRET.substring(10)))
                .expect(rejected().and(noHandler()));
        add("S27", "the secret in double quotes")
                .sends(echo().header(SECRET_HEADER, "\"" + SECRET + "\""))
                .expect(unauthorized());
        add("S28", "the secret with a Cyrillic look-alike letter (UTF-8 bytes)")
                .sends(echo().header(SECRET_HEADER, SECRET.replaceFirst("o", "\u043e")))
                .expect(rejected().and(noHandler()));
        add("S29", "the secret followed by a NUL byte")
                .sends(echo().header(SECRET_HEADER, SECRET + "\0"))
                .expect(rejected().and(noHandler()));
        add("S30", "no secret on the connect proxy")
                .sends(post("/centrifugo/connect/").json(connectBody("js")))
                .expect(unauthorized());
        add("S31", "no secret on the refresh proxy")
                .sends(post("/centrifugo/refresh/").json(ENVELOPE + "}"))
                .expect(unauthorized());
        add("S32", "no secret on the subscribe proxy")
                .sends(post("/centrifugo/subscribe/").json(channelBody("chat:2", null)))
                .expect(unauthorized());
        add("S33", "no secret on the publish proxy")
                .sends(post("/centrifugo/publish/").json(channelBody("chat:2", NOTE)))
                .expect(unauthorized());
        add("S34", "no secret on the sub_refresh proxy")
                .sends(post("/centrifugo/sub_refresh/").json(channelBody("chat:2", null)))
                .expect(unauthorized());
    }

    // ---------------------------------------------------------------- methods

    private void methods() {
        this.category = Category.METHOD;
        String[] methods = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS"};
        int n = 1;
        for (String method : methods) {
            add(String.format("X%02d", n++), method + " with the secret and a valid body")
                    .sends(request(method, RPC).secret().json(rpcBody("hostile.echo", NOTE)))
                    .expect(status(405).and(noHandler()));
        }
        for (String method : new String[] {"PROPFIND", "FOO"}) {
            add(String.format("X%02d", n++), method + " (not a standard method) with the secret and a valid body")
                    .sends(request(method, RPC).secret().json(rpcBody("hostile.echo", NOTE)))
                    .expect(rejected().and(noHandler()));
        }
        add(String.format("X%02d", n++), "HEAD with the secret")
                .sends(request("HEAD", RPC).secret())
                .head()
                .expect(status(405).and(noHandler()));
        add(String.format("X%02d", n++), "TRACE with the secret (which a TRACE would echo)")
                .sends(request("TRACE", RPC).secret())
                .expect(rejected().and(noHandler()));
        add(String.format("X%02d", n++), "CONNECT to the server's own address")
                .sends(request("CONNECT", "localhost:80").secret())
                .expect(rejected().and(noHandler()));
        add(String.format("X%02d", n++), "'post' in lower case (methods are case-sensitive)")
                .sends(request("post", RPC).secret().json(rpcBody("hostile.echo", NOTE)))
                .expect(rejected().and(noHandler()));
        add(String.format("X%02d", n++), "GET with X-HTTP-Method-Override: POST")
                .sends(request("GET", RPC)
                        .secret()
                        .header("X-HTTP-Method-Override", "POST")
                        .json(rpcBody("hostile.echo", NOTE)))
                .expect(status(405).and(noHandler()));
        add(String.format("X%02d", n++), "GET with _method=POST in the query")
                .sends(request("GET", RPC + "?_method=POST").secret().json(rpcBody("hostile.echo", NOTE)))
                .expect(status(405).and(noHandler()));
        add(String.format("X%02d", n++), "GET on the subscribe proxy")
                .sends(request("GET", "/centrifugo/subscribe/").secret())
                .expect(status(405).and(noHandler()));
        add(String.format("X%02d", n++), "DELETE on the connect proxy without its trailing slash")
                .sends(request("DELETE", "/centrifugo/connect").secret())
                .expect(status(405).and(noHandler()));
    }

    // ---------------------------------------------------------------- CORS

    private void cors() {
        this.category = Category.CORS;
        String[] proxies = {"rpc", "connect", "refresh", "subscribe", "publish", "sub_refresh"};
        int n = 1;
        for (String proxy : proxies) {
            add(String.format("C%02d", n++), "preflight from an evil origin to the " + proxy + " proxy")
                    .sends(preflight("/centrifugo/" + proxy + "/", EVIL_ORIGIN))
                    .expect(noAllowOrigin(EVIL_ORIGIN).and(notServed()).and(noHandler()));
        }
        add(String.format("C%02d", n++), "preflight from an evil origin asking to send the secret header")
                .sends(preflight(RPC, EVIL_ORIGIN)
                        .header(
                                "Access-Control-Request-Headers",
                                SECRET_HEADER.toLowerCase(Locale.ROOT) + ",content-type"))
                .expect(noAllowOrigin(EVIL_ORIGIN).and(notServed()).and(noHandler()));
        add(String.format("C%02d", n++), "preflight from the origin 'null'")
                .sends(preflight(RPC, "null"))
                .expect(noAllowOrigin("null").and(notServed()).and(noHandler()));
        add(String.format("C%02d", n++), "preflight from a look-alike of the allowed origin (a suffix)")
                .sends(preflight(RPC, HostileApplication.ALLOWED_ORIGIN + ".evil.example"))
                .expect(noAllowOrigin(HostileApplication.ALLOWED_ORIGIN + ".evil.example")
                        .and(noHandler()));
        add(String.format("C%02d", n++), "preflight from the allowed host over plain http")
                .sends(preflight(RPC, HostileApplication.ALLOWED_ORIGIN.replace("https:", "http:")))
                .expect(noAllowOrigin(HostileApplication.ALLOWED_ORIGIN.replace("https:", "http:"))
                        .and(noHandler()));
        add(String.format("C%02d", n++), "preflight from an evil origin to an application path")
                .sends(preflight("/api/orders", EVIL_ORIGIN))
                .expect(noAllowOrigin(EVIL_ORIGIN).and(noHandler()));
        add(String.format("C%02d", n++), "a POST with the secret from an evil origin (a browser's simple request)")
                .sends(echo().secret().header("Origin", EVIL_ORIGIN))
                .mayRun(1)
                .expect(noAllowOrigin(EVIL_ORIGIN).and(servedOrRefused()));
        add(String.format("C%02d", n++), "a POST without the secret from an evil origin, as text/plain")
                .sends(post(RPC)
                        .header("Origin", EVIL_ORIGIN)
                        .header("Content-Type", "text/plain")
                        .body(rpcBody("hostile.echo", NOTE)))
                .expect(noAllowOrigin(EVIL_ORIGIN)
                        .and(rejected())
                        .and(notServed())
                        .and(noHandler()));
        add(String.format("C%02d", n++), "preflight from the allowed origin to a proxy path")
                .sends(preflight(RPC, HostileApplication.ALLOWED_ORIGIN))
                .expect(notServed().and(noHandler()));
        add(String.format("C%02d", n++), "control: preflight from the allowed origin to an application path")
                .sends(preflight("/api/orders", HostileApplication.ALLOWED_ORIGIN))
                .expect(allowsOrigin(HostileApplication.ALLOWED_ORIGIN).and(noHandler()));
    }

    // ---------------------------------------------------------------- sizes

    private void sizes() {
        this.category = Category.SIZE;
        int overLimit = 1024 * 1024 + 1024;
        add("Z01", "a body over max-body-size (1 MB) with its Content-Length")
                .sends(post(RPC)
                        .secret()
                        .json(rpcBody("hostile.echo", "{\"text\":\"" + "a".repeat(overLimit) + "\",\"count\":1}")))
                .expect(error(413).and(noHandler()));
        add("Z02", "a Content-Length of 10 GiB with 1 KiB of body")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", Long.toString(10L * 1024 * 1024 * 1024))
                        .body("{" + " ".repeat(1023))
                        .noLength())
                .expect(error(413).and(noHandler()));
        add("Z03", "a chunked body over max-body-size")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .body(chunked(rpcBody("hostile.echo", "{\"text\":\"" + "a".repeat(overLimit) + "\"}")
                                .getBytes(StandardCharsets.UTF_8)))
                        .noLength())
                .expect(error(413).and(noHandler()));
        add("Z04", "a Content-Length of Long.MAX_VALUE")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Length", Long.toString(Long.MAX_VALUE))
                        .body("{}")
                        .noLength())
                .expect(notServed().and(noHandler()));
        add("Z05", "a Content-Length beyond a 64-bit number")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Length", "99999999999999999999999")
                        .body("{}")
                        .noLength())
                .expect(rejected().and(noHandler()));
        add("Z06", "a header value of 64 KiB")
                .sends(echo().secret().header("X-Padding", "p".repeat(64 * 1024)))
                .expect(rejected().and(noHandler()));
        add("Z07", "a secret header of 64 KiB")
                .sends(echo().header(SECRET_HEADER, SECRET.repeat(64 * 1024 / SECRET.length())))
                .expect(rejected().and(noHandler()));
        Http manyHeaders = echo().secret();
        for (int i = 0; i < 2_000; i++) {
            manyHeaders.header("X-H" + i, "v");
        }
        add("Z08", "2,000 headers").sends(manyHeaders).expect(rejected().and(noHandler()));
        add("Z09", "a request line of 64 KiB")
                .sends(post(RPC + "?q=" + "q".repeat(64 * 1024)).secret().json(rpcBody("hostile.echo", NOTE)))
                .expect(rejected().and(noHandler()));
        add("Z10", "data nested 100,000 arrays deep")
                .sends(post(RPC).secret().json(rpcBody("hostile.echo", "[".repeat(100_000) + "]".repeat(100_000))))
                .expect(badRequest().and(noHandler()));
        add("Z11", "an unknown envelope field nested 100,000 objects deep")
                .sends(post(RPC)
                        .secret()
                        .json(ENVELOPE + ",\"x\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)
                                + ",\"method\":\"hostile.echo\",\"data\":" + NOTE + "}"))
                .expect(badRequest().and(noHandler()));
        add("Z12", "a text of 900 KB where 64 characters are allowed")
                .sends(post(RPC)
                        .secret()
                        .json(rpcBody(
                                "hostile.echo", "{\"text\":\"" + MARKER + "a".repeat(900_000) + "\",\"count\":1}")))
                .echo(MARKER)
                .expect(error(422).and(noHandler()));
        add("Z13", "an array of 200,000 numbers as the data")
                .sends(post(RPC).secret().json(rpcBody("hostile.echo", "[" + "1,".repeat(199_999) + "1]")))
                .expect(badRequest().and(noHandler()));
        add("Z14", "a count of 100,000 digits")
                .sends(post(RPC)
                        .secret()
                        .json(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":" + "9".repeat(100_000) + "}")))
                .expect(badRequest().and(noHandler()));
        add("Z15", "a method name of 900 KB")
                .sends(post(RPC).secret().json(rpcBody(MARKER + "m".repeat(900_000), NOTE)))
                .echo(MARKER)
                .expect(error(404).and(noHandler()));
        String valid = rpcBody("hostile.echo", NOTE);
        add("Z16", "a Content-Length 20 bytes longer than the body, then the end of the stream")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(valid.length() + 20))
                        .body(valid)
                        .noLength())
                .expect(notServed().and(noHandler()));
        add("Z17", "a Content-Length shorter than the body: the rest is a request without the secret")
                .sends(concat(
                        post(RPC)
                                .secret()
                                .header("Content-Type", "application/json")
                                .header("Content-Length", Integer.toString(valid.length()))
                                .body(valid)
                                .noLength()
                                .bytes(),
                        smuggled()))
                .mayRun(1)
                .expect(statuses(200, 401).and(ran("hostile.echo", 1)));
        add("Z18", "an empty body with the secret")
                .sends(post(RPC).secret().body(""))
                .expect(badRequest().and(noHandler()));
        add("Z19", "a body without Content-Length or Transfer-Encoding")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .body(valid)
                        .noLength())
                .expect(badRequest().and(noHandler()));
        add("Z20", "a chunk size of 20 hex digits")
                .sends(post(RPC)
                        .secret()
                        .header("Transfer-Encoding", "chunked")
                        .body("fffffffffffffffffff1\r\n{}\r\n0\r\n\r\n")
                        .noLength())
                .expect(notServed().and(noHandler()));
        add("Z21", "a negative Content-Length")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Length", "-1")
                        .body(valid)
                        .noLength())
                .expect(rejected().and(noHandler()));
        add("Z22", "a chunk extension of 100 KB")
                .sends(post(RPC)
                        .secret()
                        .header("Transfer-Encoding", "chunked")
                        .body(Integer.toHexString(valid.length()) + ";ext=" + "e".repeat(100_000) + "\r\n" + valid
                                + "\r\n0\r\n\r\n")
                        .noLength())
                .expect(notServed().and(noHandler()));
        add("Z23", "chunked trailer headers of 100 KB")
                .sends(post(RPC)
                        .secret()
                        .header("Transfer-Encoding", "chunked")
                        .body(Integer.toHexString(valid.length()) + "\r\n" + valid + "\r\n0\r\nX-Trailer: "
                                + "t".repeat(100_000) + "\r\n\r\n")
                        .noLength())
                .mayRun(1)
                .expect(safe());
    }

    // ---------------------------------------------------------------- smuggling

    private void smuggling() {
        this.category = Category.SMUGGLING;
        String valid = rpcBody("hostile.echo", NOTE);
        byte[] chunkedValid = chunked(valid.getBytes(StandardCharsets.UTF_8));
        // The chunked body, followed by a request for the method nobody may call, without the secret.
        byte[] chunkedThenSmuggled = concat(chunkedValid, smuggled());
        String[][] encodings = {
            {"M01", "Content-Length and Transfer-Encoding: chunked", "chunked"},
            {"M02", "Content-Length and Transfer-Encoding: chunked, identity", "chunked, identity"},
            {"M03", "Content-Length and Transfer-Encoding: '  chunked' (leading whitespace)", "  chunked"},
            {"M04", "Content-Length and Transfer-Encoding: xchunked", "xchunked"},
            {"M05", "Content-Length and Transfer-Encoding: CHUNKED", "CHUNKED"},
            {"M06", "Content-Length and Transfer-Encoding: identity", "identity"},
            {"M07", "Content-Length and Transfer-Encoding: chunked;q=1", "chunked;q=1"},
        };
        for (String[] encoding : encodings) {
            add(encoding[0], encoding[1] + ", a request without the secret after the body")
                    .sends(post(RPC)
                            .secret()
                            .header("Content-Type", "application/json")
                            .header("Content-Length", "4")
                            .header("Transfer-Encoding", encoding[2])
                            .body(chunkedThenSmuggled)
                            .noLength())
                    .mayRun(1)
                    .expect(closedAfter(1).and(ranNot("hostile.smuggled")));
        }
        add("M08", "Transfer-Encoding: chunked on two header lines")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .header("Transfer-Encoding", "chunked")
                        .body(chunkedThenSmuggled)
                        .noLength())
                .mayRun(1)
                .expect(closedAfter(1).and(ranNot("hostile.smuggled")));
        add("M09", "'Transfer-Encoding :' with whitespace before the colon, and a Content-Length")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "4")
                        .line("Transfer-Encoding : chunked")
                        .body(chunkedThenSmuggled)
                        .noLength())
                .expect(status(400).and(closedAfter(1)).and(noHandler()));
        add("M10", "Transfer-Encoding: chunked in an HTTP/1.0 request")
                .sends(post(RPC)
                        .version("HTTP/1.0")
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .body(chunkedThenSmuggled)
                        .noLength())
                .mayRun(1)
                .expect(closedAfter(1).and(ranNot("hostile.smuggled")));
        byte[] validThenSmuggled = concat(valid.getBytes(StandardCharsets.UTF_8), smuggled());
        add("M11", "Content-Length twice with the same value")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(valid.length()))
                        .header("Content-Length", Integer.toString(valid.length()))
                        .body(validThenSmuggled)
                        .noLength())
                .mayRun(1)
                .expect(notServedWithoutSecret());
        add("M12", "Content-Length twice with different values")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(valid.length()))
                        .header("Content-Length", "4")
                        .body(validThenSmuggled)
                        .noLength())
                .expect(status(400).and(closedAfter(1)).and(noHandler()));
        add("M13", "Content-Length as a list of two values")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", valid.length() + ", 4")
                        .body(validThenSmuggled)
                        .noLength())
                .expect(status(400).and(closedAfter(1)).and(noHandler()));
        add("M14", "Content-Length with a plus sign")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "+" + valid.length())
                        .body(validThenSmuggled)
                        .noLength())
                .expect(status(400).and(closedAfter(1)).and(noHandler()));
        add("M15", "bare LF line endings")
                .sends(post(RPC).lineEnd("\n").secret().json(valid))
                .mayRun(1)
                .expect(servedOrRefused());
        add("M16", "a bare CR inside a header line")
                .sends(post(RPC).secret().line("X-Split: a\rb").json(valid))
                .expect(rejected().and(noHandler()));
        add("M17", "pipelined: a request with the secret, then one without")
                .sends(concat(echo().secret().bytes(), smuggled()))
                .mayRun(1)
                .expect(statuses(200, 401).and(ran("hostile.echo", 1)));
        add("M18", "pipelined: a request without the secret, then one with it")
                .sends(concat(smuggled(), echo().secret().bytes()))
                .mayRun(1)
                .expect(statuses(401, 200).and(ran("hostile.echo", 1)));
        add("M19", "pipelined: three requests, only the middle one with the secret")
                .sends(concat(smuggled(), echo().secret().bytes(), smuggled()))
                .mayRun(1)
                .expect(statuses(401, 200, 401).and(ran("hostile.echo", 1)));
        byte[] inner =
                post(RPC).secret().json(rpcBody("hostile.smuggled", null)).bytes();
        add("M20", "a request without the secret whose body is a request with it (the 401 leaves the body unread)")
                .sends(post(RPC).header("Content-Type", "application/json").body(inner))
                .expect(statuses(401).and(noHandler()));
        add("M21", "a chunked request with the secret only in a trailer")
                .sends(post(RPC)
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .header("Trailer", SECRET_HEADER)
                        .body(Integer.toHexString(valid.length()) + "\r\n" + valid + "\r\n0\r\n" + SECRET_HEADER + ": "
                                + SECRET + "\r\n\r\n")
                        .noLength())
                .expect(unauthorized());
        add("M22", "Expect: 100-continue without the secret")
                .sends(echo().header("Expect", "100-continue"))
                .expect(unauthorized());
        add("M23", "a chunk size that is not hexadecimal")
                .sends(post(RPC)
                        .secret()
                        .header("Transfer-Encoding", "chunked")
                        .body("zz\r\n" + valid + "\r\n0\r\n\r\n")
                        .noLength())
                .expect(notServed().and(noHandler()));
        add("M24", "a chunked body without its last chunk")
                .sends(post(RPC)
                        .secret()
                        .header("Transfer-Encoding", "chunked")
                        .body(Integer.toHexString(valid.length()) + "\r\n" + valid + "\r\n")
                        .noLength())
                .expect(notServed().and(noHandler()));
        add("M25", "two spaces after the method")
                .sends(raw("POST  " + RPC + " HTTP/1.1\r\nHost: localhost\r\n" + SECRET_HEADER + ": " + SECRET
                        + "\r\nContent-Length: " + valid.length() + "\r\n\r\n" + valid))
                .mayRun(1)
                .expect(servedOrRefused());
        add("M26", "HTTP/2.0 in the request line")
                .sends(post(RPC).version("HTTP/2.0").secret().json(valid))
                .expect(rejected().and(noHandler()));
        add("M27", "a request line without a version")
                .sends(raw("POST " + RPC + "\r\n" + SECRET_HEADER + ": " + SECRET + "\r\n\r\n"))
                .expect(simpleRefusal().and(noHandler()));
        add("M28", "a NUL byte in a header value")
                .sends(post(RPC).secret().line("X-Nul: a\0b").json(valid))
                .expect(rejected().and(noHandler()));
        add("M29", "Upgrade: h2c on a proxy request")
                .sends(post(RPC)
                        .secret()
                        .header("Connection", "Upgrade, HTTP2-Settings")
                        .header("Upgrade", "h2c")
                        .header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")
                        .json(valid))
                .mayRun(1)
                .expect(servedOrRefused().and(ranNot("hostile.smuggled")));
    }

    // ---------------------------------------------------------------- path variants

    private void paths() {
        this.category = Category.PATH;
        add("P01", "without the trailing slash")
                .sends(post("/centrifugo/rpc").secret().json(rpcBody("hostile.echo", NOTE)))
                .mayRun(1)
                .expect(result());
        add("P02", "with a query string")
                .sends(post(RPC + "?x=1").secret().json(rpcBody("hostile.echo", NOTE)))
                .mayRun(1)
                .expect(result());
        add("P03", "in absolute form")
                .sends(post("http://localhost" + RPC).secret().json(rpcBody("hostile.echo", NOTE)))
                .mayRun(1)
                .expect(result());
        String[][] variants = {
            {"P04", "a doubled trailing slash", "/centrifugo/rpc//"},
            {"P05", "a doubled leading slash", "//centrifugo/rpc/"},
            {"P06", "a doubled inner slash", "/centrifugo//rpc/"},
            {"P07", "in upper case", "/CENTRIFUGO/RPC/"},
            {"P08", "the last segment in upper case", "/centrifugo/RPC/"},
            {"P09", "a path parameter after the trailing slash", "/centrifugo/rpc/;x=1"},
            {"P10", "a jsessionid path parameter", "/centrifugo/rpc;jsessionid=0/"},
            {"P11", "'..;' up and down again", "/centrifugo/rpc/..;/rpc/"},
            {"P12", "'..' up and down again", "/centrifugo/x/../rpc/"},
            {"P13", "a '.' segment", "/centrifugo/./rpc/"},
            {"P14", "a percent-encoded letter", "/centrifugo/%72pc/"},
            {"P15", "a percent-encoded trailing slash", "/centrifugo/rpc%2F"},
            {"P16", "a percent-encoded inner slash", "/centrifugo%2Frpc/"},
            {"P17", "a percent-encoded '.' segment", "/centrifugo/rpc/%2e/"},
            {"P18", "a percent-encoded NUL", "/centrifugo/rpc%00/"},
            {"P19", "a percent-encoded space", "/centrifugo/rpc%20/"},
            {"P20", "double percent-encoding of '..'", "/centrifugo/rpc/%252e%252e/"},
            {"P21", "a backslash", "/centrifugo/rpc\\"},
            {"P22", "a trailing '.' segment", "/centrifugo/rpc/."},
            {"P23", "a percent-encoded '..' before the path", "/centrifugo/%2e%2e/centrifugo/rpc/"},
            {"P24", "a fragment", "/centrifugo/rpc/#x"},
            {"P25", "a path parameter on the subscribe proxy", "/centrifugo/subscribe;/"},
        };
        for (String[] variant : variants) {
            add(variant[0], variant[1] + " with the secret: " + variant[2])
                    .sends(post(variant[2])
                            .secret()
                            .json(
                                    variant[2].contains("subscribe")
                                            ? channelBody("chat:2", null)
                                            : rpcBody("hostile.echo", NOTE)))
                    .mayRun(1)
                    .expect(servedOrRefused());
        }
        add("P26", "below the proxy path (not a proxy path)")
                .sends(post(RPC + "x").secret().json(rpcBody("hostile.echo", NOTE)))
                .expect(status(401).and(noHandler()));
        add("P27", "a suffix on the proxy path (not a proxy path)")
                .sends(post("/centrifugo/rpc.json").secret().json(rpcBody("hostile.echo", NOTE)))
                .expect(status(401).and(noHandler()));
        add("P28", "absolute form with a foreign host")
                .sends(post("http://evil.example" + RPC).secret().json(rpcBody("hostile.echo", NOTE)))
                .mayRun(1)
                .expect(servedOrRefused());
        String[][] unauthenticated = {
            {"P29", "in upper case", "/CENTRIFUGO/RPC/"},
            {"P30", "a percent-encoded letter", "/centrifugo/%72pc/"},
            {"P31", "'..;' up and down again", "/centrifugo/rpc/..;/rpc/"},
            {"P32", "a doubled inner slash", "/centrifugo//rpc/"},
            {"P33", "a path parameter", "/centrifugo/rpc;x=1/"},
            {"P34", "the first letter percent-encoded", "/%63entrifugo/rpc/"},
            {"P35", "a percent-encoded letter on the subscribe proxy", "/centrifugo/%73ubscribe/"},
        };
        for (String[] variant : unauthenticated) {
            add(variant[0], variant[1] + " without the secret: " + variant[2])
                    .sends(post(variant[2]).json(rpcBody("hostile.echo", NOTE)))
                    .expect(rejected().and(notServed()).and(noHandler()));
        }
    }

    // ---------------------------------------------------------------- body ambiguity

    private void bodies() {
        this.category = Category.BODY;
        String b64Note =
                Base64.getEncoder().encodeToString("{\"text\":\"b64\",\"count\":2}".getBytes(StandardCharsets.UTF_8));
        add("B01", "both data and b64data")
                .sends(rpc(ENVELOPE + ",\"method\":\"hostile.echo\",\"data\":" + NOTE + ",\"b64data\":\"" + b64Note
                        + "\"}"))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        String valid = rpcBody("hostile.echo", NOTE);
        add("B02", "trailing bytes after the JSON")
                .sends(rpc(valid + " trailing"))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B03", "a second JSON object after the first")
                .sends(rpc(valid + rpcBody("hostile.fail", null)))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B04", "the key 'data' twice")
                .sends(rpc(ENVELOPE + ",\"method\":\"hostile.echo\",\"data\":" + NOTE
                        + ",\"data\":{\"text\":\"second\",\"count\":2}}"))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B05", "the key 'method' twice")
                .sends(rpc(ENVELOPE + ",\"method\":\"hostile.fail\",\"method\":\"hostile.echo\"," + "\"data\":" + NOTE
                        + "}"))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B06", "the key 'channel' twice on the subscribe proxy")
                .sends(post("/centrifugo/subscribe/")
                        .secret()
                        .json(ENVELOPE + ",\"channel\":\"chat:1\",\"channel\":\"chat:2\"}"))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B07", "the key 'user' twice")
                .sends(rpc(ENVELOPE + ",\"user\":\"mallory\",\"method\":\"hostile.echo\",\"data\":" + NOTE + "}"))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B08", "a key twice inside the data")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"a\",\"text\":\"b\",\"count\":1}")))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B09", "an invalid UTF-8 byte (0xFF) in the text")
                .sends(rpc(utf8(rpcBody("hostile.echo", "{\"text\":\"a"), bytes(0xFF), utf8("\",\"count\":1}}"))))
                .expect(badRequest().and(noHandler()));
        add("B10", "an overlong 2-byte encoding of '/' (C0 AF) in the text")
                .sends(rpc(utf8(rpcBody("hostile.echo", "{\"text\":\"a"), bytes(0xC0, 0xAF), utf8("\",\"count\":1}}"))))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B11", "an overlong 3-byte encoding of '/' (E0 80 AF) in the text")
                .sends(rpc(utf8(
                        rpcBody("hostile.echo", "{\"text\":\"a"), bytes(0xE0, 0x80, 0xAF), utf8("\",\"count\":1}}"))))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B12", "a UTF-8 encoded surrogate (ED A0 80) in the text")
                .sends(rpc(utf8(
                        rpcBody("hostile.echo", "{\"text\":\"a"), bytes(0xED, 0xA0, 0x80), utf8("\",\"count\":1}}"))))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B13", "an invalid UTF-8 byte in an unknown envelope field")
                .sends(rpc(utf8(
                        ENVELOPE + ",\"x\":\"a",
                        bytes(0xFF),
                        utf8("\",\"method\":\"hostile.echo\",\"data\":" + NOTE + "}"))))
                .mayRun(1)
                .expect(badRequest().and(noHandler()));
        add("B14", "a truncated 3-byte sequence before the closing quote")
                .sends(rpc(utf8(rpcBody("hostile.echo", "{\"text\":\"a"), bytes(0xE2, 0x82), utf8("\",\"count\":1}}"))))
                .expect(badRequest().and(noHandler()));
        add("B15", "a required property missing from the data (no count)")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\"}")))
                .mayRun(1)
                .expect(errorReply().and(noHandler()));
        add("B16", "an unknown property in the data")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":1,\"admin\":true}")))
                .mayRun(1)
                .expect(errorReply().and(noHandler()));
        add("B17", "data null")
                .sends(rpc(rpcBody("hostile.echo", "null")))
                .expect(badRequest().and(noHandler()));
        add("B18", "data an array")
                .sends(rpc(rpcBody("hostile.echo", "[1,2]")))
                .expect(badRequest().and(noHandler()));
        add("B19", "a count that is a string")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":\"abc\"}")))
                .expect(badRequest().and(noHandler()));
        add("B20", "Content-Type text/plain")
                .sends(post(RPC).secret().header("Content-Type", "text/plain").body(valid))
                .mayRun(1)
                .expect(servedOrRefused());
        add("B21", "a form body as application/x-www-form-urlencoded")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("method=hostile.echo&data=" + NOTE))
                .expect(badRequest().and(noHandler()));
        add("B22", "a JSON body labelled application/x-www-form-urlencoded")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(valid))
                .mayRun(1)
                .expect(servedOrRefused());
        add("B23", "a multipart/form-data body")
                .sends(
                        post(RPC)
                                .secret()
                                .header("Content-Type", "multipart/form-data; boundary=b")
                                .body(
                                        "--b\r\nContent-Disposition: form-data; name=\"method\"\r\n\r\nhostile.echo\r\n--b--\r\n"))
                .expect(badRequest().and(noHandler()));
        add("B24", "no Content-Type")
                .sends(post(RPC).secret().body(valid))
                .mayRun(1)
                .expect(result());
        add("B25", "a gzip-compressed body with Content-Encoding: gzip")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip")
                        .body(gzip(valid)))
                .expect(badRequest().and(noHandler()));
        add("B26", "an XML body")
                .sends(post(RPC)
                        .secret()
                        .header("Content-Type", "application/xml")
                        .body("<rpc><method>hostile.echo</method></rpc>"))
                .expect(badRequest().and(noHandler()));
        add("B27", "a JSON array at the top")
                .sends(rpc("[" + valid + "]"))
                .expect(badRequest().and(noHandler()));
        add("B28", "a JSON number at the top")
                .sends(rpc("42"))
                .expect(badRequest().and(noHandler()));
        add("B29", "a JSON string at the top")
                .sends(rpc("\"hostile.echo\""))
                .expect(badRequest().and(noHandler()));
        add("B30", "JSON null at the top")
                .sends(rpc("null"))
                .expect(badRequest().and(noHandler()));
        add("B31", "NaN as the count")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":NaN}")))
                .expect(badRequest().and(noHandler()));
        add("B32", "Infinity as the count")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":Infinity}")))
                .expect(badRequest().and(noHandler()));
        add("B33", "1e400 as the count")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":1e400}")))
                .expect(badRequest().and(noHandler()));
        add("B34", "2^64 as the count")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"hi\",\"count\":18446744073709551616}")))
                .expect(badRequest().and(noHandler()));
        add("B35", "a unicode escape in the method name (the same name)")
                .sends(rpc(rpcBody("hostile.\\u0065cho", NOTE)))
                .mayRun(1)
                .expect(result().and(ran("hostile.echo", 1)));
        add("B36", "an escaped NUL in the text")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"a\\u0000b\",\"count\":1}")))
                .mayRun(1)
                .expect(result().and(utf8Bodies()));
        add("B37", "a lone surrogate escape in the text")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"a\\ud800b\",\"count\":1}")))
                .mayRun(1)
                .expect(servedOrRefused().and(utf8Bodies()));
        add("B38", "a comment in the JSON")
                .sends(rpc(ENVELOPE + "/* x */,\"method\":\"hostile.echo\",\"data\":" + NOTE + "}"))
                .expect(badRequest().and(noHandler()));
        add("B39", "single-quoted strings")
                .sends(rpc("{'method':'hostile.echo','data':{'text':'hi','count':1}}"))
                .expect(badRequest().and(noHandler()));
        add("B40", "a UTF-8 byte order mark before the JSON")
                .sends(rpc(utf8("\uFEFF" + valid)))
                .mayRun(1)
                .expect(servedOrRefused());
        add("B41", "the body in UTF-16")
                .sends(rpc(valid.getBytes(StandardCharsets.UTF_16BE)))
                .mayRun(1)
                .expect(servedOrRefused());
        add("B42", "an empty JSON object").sends(rpc("{}")).expect(errorReply().and(noHandler()));
        add("B43", "a subscribe handler that returns null (denies)")
                .sends(post("/centrifugo/subscribe/").secret().json(channelBody("undecided:x", null)))
                .mayRun(1)
                .expect(denied());
        add("B44", "a publish handler that returns null (denies)")
                .sends(post("/centrifugo/publish/").secret().json(channelBody("undecided:x", NOTE)))
                .mayRun(1)
                .expect(denied());
        add("B45", "b64data that is not base64")
                .sends(rpc(ENVELOPE.replace("\"encoding\":\"json\"", "\"encoding\":\"binary\"")
                        + ",\"method\":\"hostile.echo\",\"b64data\":\"@@@not-base64@@@\"}"))
                .expect(badRequest().and(noHandler()));
        add("B46", "b64data holding a JSON array")
                .sends(rpc(ENVELOPE.replace("\"encoding\":\"json\"", "\"encoding\":\"binary\"")
                        + ",\"method\":\"hostile.echo\",\"b64data\":\""
                        + Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8)) + "\"}"))
                .expect(badRequest().and(noHandler()));
        add("B47", "'channels' a string instead of an array on the connect proxy")
                .sends(post("/centrifugo/connect/")
                        .secret()
                        .json(ENVELOPE + ",\"name\":\"js\",\"channels\":\"chat:2\"}"))
                .expect(badRequest().and(noHandler()));
        add("B48", "'method' a number")
                .sends(rpc(ENVELOPE + ",\"method\":42,\"data\":" + NOTE + "}"))
                .expect(badRequest().and(noHandler()));
    }

    // ---------------------------------------------------------------- leaks

    private void leaks() {
        this.category = Category.LEAK;
        add("L01", "a handler that throws with a secret detail")
                .sends(rpc(rpcBody("hostile.fail", null)))
                .mayRun(1)
                .expect(error(500).and(ran("hostile.fail", 1)));
        add("L02", "a connect handler that throws with a secret detail")
                .sends(post("/centrifugo/connect/").secret().json(connectBody("boom")))
                .mayRun(1)
                .expect(error(500).and(ran("connect", 1)));
        // The 422 reply names built-in constraints by their simple names (documented: clients show
        // them); what must not appear is a class name. A custom constraint's name is left out entirely
        // (RpcDispatcherTests and WireRulesThroughCentrifugoTests cover that).
        add("L03", "a validation failure names no constraint class")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":\"\",\"count\":5000}")))
                .expect(error(422).and(noHandler()).and(mentionsNone("jakarta.validation", "constraints.")));
        add("L04", "a subscribe channel variable that does not convert is not repeated")
                .sends(post("/centrifugo/subscribe/").secret().json(channelBody("chat:" + MARKER, null)))
                .echo(MARKER)
                .expect(badRequest().and(noHandler()));
        add("L05", "a publish channel variable that does not convert is not repeated")
                .sends(post("/centrifugo/publish/").secret().json(channelBody("chat:" + MARKER, NOTE)))
                .echo(MARKER)
                .expect(badRequest().and(noHandler()));
        add("L06", "an unknown method is not repeated")
                .sends(rpc(rpcBody(MARKER, NOTE)))
                .echo(MARKER)
                .expect(error(404).and(noHandler()));
        add("L07", "a channel without a handler is not repeated")
                .sends(post("/centrifugo/subscribe/").secret().json(channelBody(MARKER + ":1", null)))
                .echo(MARKER)
                .expect(error(403).and(noHandler()));
        add("L08", "a binding failure names no Java type")
                .sends(rpc(rpcBody("hostile.echo", "{\"text\":{\"a\":1},\"count\":1}")))
                .expect(badRequest().and(noHandler()).and(mentionsNone("Note", "String", "HostileApplication")));
        add("L09", "an application path with the secret in the query string")
                .sends(request("GET", "/api/" + MARKER + "?" + SECRET_HEADER + "=" + SECRET))
                .expect(status(401).and(noHandler()));
        add("L10", "an invalid character in the request target next to the secret")
                .sends(raw("POST " + RPC + "?s=" + SECRET
                        + "{|} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"))
                .expect(rejected().and(noHandler()));
        add("L11", "an invalid header name next to the secret")
                .sends(post(RPC).line("Bad Header(" + SECRET + "): x").json(rpcBody("hostile.echo", NOTE)))
                .expect(rejected().and(noHandler()));
        add("L12", "an unauthenticated page request asking for HTML")
                .sends(request("GET", "/no/such/" + MARKER)
                        .header("Accept", "text/html")
                        .header(SECRET_HEADER, SECRET))
                .expect(status(401).and(noHandler()));
        add("L13", "TRACE on an application path with the secret header")
                .sends(request("TRACE", "/api/orders").secret().header("Cookie", "session=" + MARKER))
                .echo(MARKER)
                .expect(rejected().and(noHandler()));
        add("L14", "a failing call asking for HTML")
                .sends(post(RPC).secret().header("Accept", "text/html").json(rpcBody("hostile.fail", null)))
                .mayRun(1)
                .expect(error(500).and(ran("hostile.fail", 1)));
    }

    // ---------------------------------------------------------------- building blocks

    /**
     * The answer to an HTTP/0.9 request: a close, or an HTTP/0.9 response (a body without status line or
     * headers) that says 400, or an HTTP/1.x refusal.
     */
    private static Expectation simpleRefusal() {
        return (exchange, calls) -> {
            RawHttp.Response first = exchange.first();
            if (first == null) {
                return exchange.closed() ? null : "expected a refusal, got no answer on an open connection";
            }
            if (first.status() == RawHttp.SIMPLE_STATUS) {
                return first.bodyText().contains("400") ? null : "expected a 400 page, got " + exchange;
            }
            return rejected().violation(exchange, calls);
        };
    }

    /** An expectation that this handler did not run. */
    private static Expectation ranNot(String handler) {
        return (exchange, calls) ->
                (calls.of(handler) == 0) ? null : "'" + handler + "' ran " + calls.of(handler) + " time(s)";
    }

    /** No request without the secret was served: every 200 came from a request that had it (at most one here). */
    private static Expectation notServedWithoutSecret() {
        return ranNot("hostile.smuggled").and((exchange, calls) -> {
            long results = exchange.finals().stream()
                    .filter((response) -> {
                        var reply = HostileExpectations.reply(response);
                        return reply != null && reply.has("result");
                    })
                    .count();
            return (results <= 1) ? null : "more results than requests with the secret: " + exchange;
        });
    }

    /** Starts a case of the current category. */
    private Builder add(String id, String description) {
        return new Builder(id, description);
    }

    /** A POST of an RPC call with the secret and this body. */
    private static Http rpc(String body) {
        return post(RPC).secret().json(body);
    }

    private static Http rpc(byte[] body) {
        return post(RPC).secret().header("Content-Type", "application/json").body(body);
    }

    /** The valid call of 'hostile.echo', without a secret. */
    private static Http echo() {
        return post(RPC).json(rpcBody("hostile.echo", NOTE));
    }

    /** A request for the method nobody may call, without the secret. */
    private static byte[] smuggled() {
        return post(RPC).json(rpcBody("hostile.smuggled", null)).bytes();
    }

    private static Http preflight(String path, String origin) {
        return request("OPTIONS", path)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
    }

    static String rpcBody(String method, String data) {
        return ENVELOPE + ",\"method\":\"" + method + "\"" + ((data != null) ? ",\"data\":" + data : "") + "}";
    }

    private static String channelBody(String channel, String data) {
        return ENVELOPE + ",\"channel\":\"" + channel + "\"" + ((data != null) ? ",\"data\":" + data : "") + "}";
    }

    private static String connectBody(String name) {
        return ENVELOPE + ",\"name\":\"" + name + "\"}";
    }

    static Http post(String target) {
        return request("POST", target);
    }

    static Http request(String method, String target) {
        return new Http(method, target);
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String before, byte[] middle, byte[] after) {
        return concat(utf8(before), middle, after);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] chunked(byte[] body) {
        return concat(
                (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                body,
                "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(utf8(text));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** One HTTP/1.1 request, written out exactly as built. */
    static final class Http {

        private final String method;

        private final String target;

        private String version = "HTTP/1.1";

        private String lineEnd = "\r\n";

        private final List<String> lines = new ArrayList<>();

        private byte[] body = new byte[0];

        private boolean contentLength = true;

        Http(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Http version(String version) {
            this.version = version;
            return this;
        }

        Http lineEnd(String lineEnd) {
            this.lineEnd = lineEnd;
            return this;
        }

        Http header(String name, String value) {
            return line(name + ": " + value);
        }

        /** A header line as it is, right or wrong. */
        Http line(String line) {
            this.lines.add(line);
            return this;
        }

        /** The right secret, once more. */
        Http secret() {
            return header(SECRET_HEADER, SECRET);
        }

        Http json(String body) {
            return header("Content-Type", "application/json").body(body);
        }

        Http body(String body) {
            return body(utf8(body));
        }

        Http body(byte[] body) {
            this.body = body;
            return this;
        }

        /** No Content-Length header of its own: the case frames the body itself, or not at all. */
        Http noLength() {
            this.contentLength = false;
            return this;
        }

        byte[] bytes() {
            StringBuilder head = new StringBuilder();
            head.append(this.method).append(' ').append(this.target).append(' ').append(this.version);
            head.append(this.lineEnd).append("Host: localhost").append(this.lineEnd);
            for (String line : this.lines) {
                head.append(line).append(this.lineEnd);
            }
            if (this.contentLength && (this.body.length > 0 || "POST".equals(this.method))) {
                head.append("Content-Length: ").append(this.body.length).append(this.lineEnd);
            }
            head.append(this.lineEnd);
            return concat(head.toString().getBytes(StandardCharsets.UTF_8), this.body);
        }
    }

    /** A case being described; {@link #expect} adds it to the catalogue. */
    private final class Builder {

        private final String id;

        private final String description;

        private byte[] request = new byte[0];

        private int mayRun;

        private boolean head;

        private final List<String> echoes = new ArrayList<>();

        Builder(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** The request, written out. */
        Builder sends(Http request) {
            return sends(request.bytes());
        }

        /** The bytes to send: one request or several, well-formed or not. */
        Builder sends(byte[] request) {
            this.request = request;
            return this;
        }

        Builder mayRun(int calls) {
            this.mayRun = calls;
            return this;
        }

        Builder head() {
            this.head = true;
            return this;
        }

        Builder echo(String text) {
            this.echoes.add(text);
            return this;
        }

        void expect(Expectation expectation) {
            if (this.request.length == 0) {
                throw new IllegalStateException(this.id + " sends nothing");
            }
            HostileCatalogue.this.cases.add(new HostileCase(
                    this.id,
                    HostileCatalogue.this.category,
                    this.description,
                    this.request,
                    this.mayRun,
                    this.head,
                    expectation,
                    List.copyOf(this.echoes)));
        }
    }
}
