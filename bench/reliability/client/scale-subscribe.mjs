// Scale-out: subscribes to CHANNEL on one Centrifugo node and collects the ids of the publications
// it receives until EXPECTED arrived or TIMEOUT_MS passed, then prints {"received":[ids...]}.
// Environment: CENTRIFUGO_URL, CENTRIFUGO_TOKEN, CHANNEL, EXPECTED, TIMEOUT_MS.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const expected = Number(process.env.EXPECTED);
const received = [];
const client = new Centrifuge(process.env.CENTRIFUGO_URL, {
  token: process.env.CENTRIFUGO_TOKEN,
  websocket: WebSocket,
});

function finish(reason) {
  console.log(JSON.stringify({ received, reason }));
  client.disconnect();
  process.exit(0);
}

const subscription = client.newSubscription(process.env.CHANNEL);
subscription.on('publication', (ctx) => {
  received.push(ctx.data.id);
  if (received.length >= expected) {
    finish('complete');
  }
});
subscription.on('error', (ctx) => console.error('subscription error', JSON.stringify(ctx)));
setTimeout(() => finish('timeout'), Number(process.env.TIMEOUT_MS));
subscription.subscribe();
client.connect();
