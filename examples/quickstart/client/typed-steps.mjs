// Calls the quick start through Centrifugo with the TypeScript client generated from its contract
// (client/generated/typescript, as generated) over the official JavaScript SDK, and prints
// what came back as one JSON line. Used by the quick start's integration test:
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> node typed-steps.mjs
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';
import { CONTRACT_VERSION, RpcClient, RpcError } from './generated/typescript/index.js';

const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN;
if (!url || !token) {
  console.error('CENTRIFUGO_URL and CENTRIFUGO_TOKEN must be set');
  process.exit(2);
}

const output = { connected: false, generatedVersion: CONTRACT_VERSION };
const centrifuge = new Centrifuge(url, { websocket: WebSocket, token, name: 'centrifugo4j-typed-it', timeout: 8000 });
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 30000);

const failure = (e) =>
  e instanceof RpcError
    ? { rpcError: true, code: e.code, message: e.message, temporary: e.temporary, violations: e.violations }
    : { rpcError: false, error: String(e) };

centrifuge.connect();
try {
  await centrifuge.ready(10000);
  output.connected = true;
  const client = new RpcClient(centrifuge);
  output.ping = await client.systemPing({ message: 'Hello' });
  output.pingLater = await client.systemPingLater({ message: 'Hi' }, { timeout: 5000 });
  output.blank = await client.systemPing({ message: '' }).then(() => ({ unexpected: 'success' }), failure);
  output.serverVersion = (await centrifuge.rpc('system.contract', {})).data.version;
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
centrifuge.disconnect();
clearTimeout(watchdog);
console.log(JSON.stringify(output));
