// Calls RPC methods through Centrifugo with the official JavaScript SDK, one after the other, and
// prints what came back as one JSON line. Used by FreshApplicationTests:
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \
//     node rpc-calls.mjs '[{"method":"system.ping","data":{"message":"Hello"}}]'
//
// Output: {"connected":true,"results":[{"data":...}|{"error":{"code":...,"message":...,"temporary":...}}]}
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN;
const calls = JSON.parse(process.argv[2] ?? '[]');
if (!url || !token) {
  console.error('CENTRIFUGO_URL and CENTRIFUGO_TOKEN must be set');
  process.exit(2);
}

const output = { connected: false, results: [] };
const centrifuge = new Centrifuge(url, { websocket: WebSocket, token, name: 'centrifugo4j-fresh-app', timeout: 8000 });
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 30000);

centrifuge.connect();
try {
  await centrifuge.ready(10000);
  output.connected = true;
  for (const call of calls) {
    try {
      const reply = await centrifuge.rpc(call.method, call.data);
      output.results.push({ data: reply.data ?? null });
    } catch (e) {
      output.results.push({ error: { code: e.code, message: e.message, temporary: e.temporary ?? false } });
    }
  }
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
centrifuge.disconnect();
clearTimeout(watchdog);
console.log(JSON.stringify(output));
