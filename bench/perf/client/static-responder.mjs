// The ceiling for the end-to-end benchmark: an HTTP server that answers every proxy request with
// the same reply bytes, doing no work. Usage: node static-responder.mjs PORT REPLY_JSON
import http from 'node:http';

const port = Number(process.argv[2]);
const reply = Buffer.from(process.argv[3]);
http
  .createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': reply.length });
      response.end(reply);
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
