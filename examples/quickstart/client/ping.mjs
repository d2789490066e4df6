// Calls the quick start's system.ping through Centrifugo, as a browser would:
//   node ping.mjs "Hello"
// It asks the running quick start app (http://localhost:8080) for a connection token first.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const app = process.env.APP_URL ?? 'http://localhost:8080';
const message = process.argv[2] ?? 'Hello';

const { token, url } = await (await fetch(`${app}/token?user=demo`)).json();
const client = new Centrifuge(url, { websocket: WebSocket, token });
client.connect();
await client.ready(5000);
try {
  const result = await client.rpc('system.ping', { message });
  console.log('system.ping ->', JSON.stringify(result.data));
} catch (e) {
  console.log('system.ping failed ->', JSON.stringify(e));
} finally {
  client.disconnect();
}
