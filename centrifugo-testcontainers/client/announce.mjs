// One client of the official JavaScript SDK: subscribes to a channel, calls an RPC method, and waits
// for the publication that the call makes the application publish.
//
//   CENTRIFUGO_URL=ws://... CENTRIFUGO_TOKEN=<jwt> node announce.mjs <channel> <method> '<data json>'
//
// Prints one JSON line: {"connected":true,"reply":<rpc result data>,"publication":<publication data>}
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const [channel, method, data] = process.argv.slice(2);
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms));

const client = new Centrifuge(process.env.CENTRIFUGO_URL, {
  websocket: WebSocket,
  token: process.env.CENTRIFUGO_TOKEN,
  name: 'centrifugo4j-testcontainers',
  timeout: 10000,
});
const subscription = client.newSubscription(channel);
const publication = new Promise((resolve) => subscription.on('publication', (ctx) => resolve(ctx.data)));
subscription.subscribe();
client.connect();
try {
  await client.ready(15000);
  await subscription.ready(15000);
  const reply = await client.rpc(method, JSON.parse(data));
  const published = await Promise.race([publication, timeout(15000, 'publication')]);
  console.log(JSON.stringify({ connected: true, reply: reply.data, publication: published }));
} catch (error) {
  console.log(JSON.stringify({ connected: client.state === 'connected', code: error?.code, error: error?.message ?? String(error) }));
} finally {
  client.disconnect();
}
// The timeout's timer would keep Node running until it fires.
process.exit(0);
