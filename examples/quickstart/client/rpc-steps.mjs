// Runs RPC calls through Centrifugo with the official JavaScript SDK and prints what came back,
// as one JSON line. Used by the quick start's integration test:
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \
//     node rpc-steps.mjs '[{"method":"system.ping","data":{"message":"Hello"}}]'
//
// Output: {"connected":true,"results":[{"ok":true,"data":...}|{"ok":false,"error":{code,message,temporary}}],
//          "disconnected":{"code":4501,"reason":"..."}|null}
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN;
const steps = JSON.parse(process.argv[2] ?? '[]');
if (!url || !token) {
  console.error('CENTRIFUGO_URL and CENTRIFUGO_TOKEN must be set');
  process.exit(2);
}

const output = { connected: false, results: [], disconnected: null };
const client = new Centrifuge(url, { websocket: WebSocket, token, name: 'centrifugo4j-it', timeout: 8000 });
const disconnected = new Promise((resolve) => {
  client.on('disconnected', (ctx) => {
    output.disconnected ??= { code: ctx.code, reason: ctx.reason };
    resolve();
  });
});

const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 30000);

client.connect();
try {
  await client.ready(10000);
  output.connected = true;
  for (const step of steps) {
    try {
      const reply = await client.rpc(step.method, step.data);
      output.results.push({ ok: true, data: reply.data ?? null });
    } catch (e) {
      output.results.push({ ok: false, error: { code: e.code, message: e.message, temporary: e.temporary ?? false } });
    }
  }
  if (steps.some((step) => step.expectDisconnect)) {
    await disconnected;
  }
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
client.disconnect();
clearTimeout(watchdog);
console.log(JSON.stringify(output));
