// Connects with the official JavaScript SDK to a Centrifugo that runs the configuration
// centrifugo:config wrote, and exercises every proxy it enables: connect (no token: the connect proxy
// authenticates), RPC without and with a namespace, subscribe and publish in the channel namespace.
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket node through-config.mjs
//
// Prints one JSON line: {"connected":..,"rpc":{..},"rpcNamespaced":{..},"subscribed":..,"published":..}
// or {"failed": "<step>", "code": .., "message": ".."}.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const client = new Centrifuge(process.env.CENTRIFUGO_URL, { websocket: WebSocket, name: 'config-it', timeout: 5000 });
const watchdog = setTimeout(() => { console.log(JSON.stringify({ failed: 'watchdog' })); process.exit(3); }, 30000);
let step = 'connect';
try {
  client.connect();
  await client.ready(5000);
  const output = { connected: true };
  step = 'rpc';
  output.rpc = (await client.rpc('zoo.feed', { food: 'fish' })).data;
  step = 'rpcNamespaced';
  output.rpcNamespaced = (await client.rpc('zoo:shape', { kind: 'circle', radius: 2 })).data;
  step = 'subscribe';
  const sub = client.newSubscription('zoo:cage.lions.7f1d3c2e-0a4b-4c5d-8e9f-112233445566');
  sub.subscribe();
  await sub.ready(5000);
  output.subscribed = sub.channel;
  step = 'publish';
  await client.publish('zoo:feeding.lions', { food: 'meat' });
  output.published = true;
  console.log(JSON.stringify(output));
} catch (error) {
  console.log(JSON.stringify({ failed: step, code: error?.code, message: error?.message }));
} finally {
  clearTimeout(watchdog);
  client.disconnect();
  setTimeout(() => process.exit(0), 50);
}
