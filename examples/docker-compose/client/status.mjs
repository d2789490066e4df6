// Sets a status through Centrifugo (RPC status.set, which Centrifugo's proxy sends to the app) and
// prints what arrives on the statuses channel, which the app publishes to:
//
//   CENTRIFUGO_URL=ws://127.0.0.1:<port>/connection/websocket CENTRIFUGO_TOKEN=<jwt> node status.mjs "Out for lunch"
//
// The last line of its output is JSON: {"set":<the RPC's result>,"received":<the publication>}, or {"error":...}.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const text = process.argv[2] ?? 'Out for lunch';
const centrifuge = new Centrifuge(process.env.CENTRIFUGO_URL, {
  websocket: WebSocket,
  token: process.env.CENTRIFUGO_TOKEN,
  timeout: 10000,
});
const statuses = centrifuge.newSubscription('statuses');
const received = new Promise((resolve, reject) => {
  statuses.on('publication', (ctx) => resolve(ctx.data));
  setTimeout(() => reject(new Error('nothing arrived on statuses within 15 s')), 15000);
});

centrifuge.connect();
statuses.subscribe();
let outcome;
try {
  await statuses.ready(15000);
  const set = await centrifuge.rpc('status.set', { text });
  const status = await received;
  console.log(`${status.user} is now: ${status.text}`);
  outcome = { set: set.data, received: status };
} catch (error) {
  outcome = { error: error?.message ?? String(error), code: error?.code };
}
centrifuge.disconnect();
console.log(JSON.stringify(outcome));
process.exit(0);
