// Calls the WebFlux example through Centrifugo with the official JavaScript SDK and prints what
// came back, as one JSON line. Used by the example's integration test:
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \
//     node steps.mjs '[{"rpc":"rooms.lookup","data":{"name":"lobby"}},{"subscribe":"rooms:lobby"}]'
//
// Output: {"connected":true,"results":[{"ok":true,"data":...}|{"ok":false,"error":{code,message,temporary}}]}
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN;
const steps = JSON.parse(process.argv[2] ?? '[]');
if (!url || !token) {
  console.error('CENTRIFUGO_URL and CENTRIFUGO_TOKEN must be set');
  process.exit(2);
}

const output = { connected: false, results: [] };
const client = new Centrifuge(url, { websocket: WebSocket, token, name: 'webflux-it', timeout: 8000 });
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
      if (step.rpc) {
        const reply = await client.rpc(step.rpc, step.data ?? {});
        output.results.push({ ok: true, data: reply.data ?? null });
      } else if (step.subscribe) {
        const sub = client.newSubscription(step.subscribe);
        const outcome = new Promise((resolve) => {
          sub.on('subscribed', () => resolve({ ok: true }));
          sub.on('unsubscribed', (ctx) => resolve({ ok: false, error: { code: ctx.code, message: ctx.reason } }));
          sub.on('error', (ctx) => resolve({ ok: false, error: { code: ctx.error.code, message: ctx.error.message } }));
        });
        sub.subscribe();
        output.results.push(await outcome);
        sub.unsubscribe();
        client.removeSubscription(sub);
      }
    } catch (e) {
      output.results.push({ ok: false, error: { code: e.code, message: e.message, temporary: e.temporary ?? false } });
    }
  }
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
client.disconnect();
clearTimeout(watchdog);
console.log(JSON.stringify(output));
