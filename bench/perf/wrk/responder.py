"""Answers POSTs like the starter's RPC proxy endpoint, for `bench/run --self-test`.

Usage: responder.py PORT SECRET REPLY. A POST with the header X-Centrifugo-Proxy-Secret equal to
SECRET gets HTTP 200 with REPLY, except on /wrong-reply, which gets HTTP 200 with another body; a POST
without the secret gets HTTP 401, as the starter answers it.
"""
import http.server
import sys

port, secret, reply = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode()


class Responder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("X-Centrifugo-Proxy-Secret") != secret:
            self.answer(401, b"")
        elif self.path == "/wrong-reply":
            self.answer(200, b'{"error":{"code":100,"message":"internal server error"}}')
        else:
            self.answer(200, reply)

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # wrk closes its connections when it stops


Server(("127.0.0.1", port), Responder).serve_forever()
