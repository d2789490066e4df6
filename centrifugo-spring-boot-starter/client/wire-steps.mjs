// Connects to Centrifugo with the official JavaScript SDK and a connection token, plays RPC calls,
// subscriptions and publications, and prints what the client saw as one JSON line.
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \
//     node wire-steps.mjs '[{"rpc":"wire.note","data":{"text":"hi","stars":1}},{"subscribe":"wire:room:1"}]'
//
// Steps: {"rpc":m,"data":d} | {"subscribe":ch,"data":d} | {"publish":ch,"data":d}
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
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 40000);

const failure = (e) => ({ ok: false, error: { code: e.code, message: e.message, temporary: e.temporary ?? false } });

const client = new Centrifuge(url, { websocket: WebSocket, token, name: 'starter-wire-it', timeout: 8000 });
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
        const sub = client.newSubscription(step.subscribe, step.data ? { data: step.data } : {});
        const outcome = new Promise((resolve) => {
          sub.on('subscribed', () => resolve({ ok: true }));
          // A refusal the client may not retry ends the subscription with the server's code and message.
          sub.on('unsubscribed', (ctx) => resolve({ ok: false, error: { code: ctx.code, message: ctx.reason } }));
        });
        sub.subscribe();
        output.results.push(await outcome);
        client.removeSubscription(sub);
      } else if (step.publish) {
        await client.publish(step.publish, step.data);
        output.results.push({ ok: true });
      }
    } catch (e) {
      output.results.push(failure(e));
    }
  }
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
client.disconnect();
clearTimeout(watchdog);
console.log(JSON.stringify(output));
