// Sends every case of the type zoo's values file to the zoo application through Centrifugo with the
// TypeScript client generated from its contract (client/generated/typescript, as generated)
// over the official JavaScript SDK, subscribes to a typed channel and asks the server to publish into
// it; prints one JSON line: what came back for each case, and the publication received.
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \
//     node zoo-steps.mjs ../src/test/resources/zoo-values.json
import { readFileSync } from 'node:fs';
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';
import { CONTRACT_VERSION, RpcClient, RpcError } from './generated/typescript/index.js';

const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN;
const valuesFile = process.argv[2];
if (!url || !token || !valuesFile) {
  console.error('usage: CENTRIFUGO_URL=... CENTRIFUGO_TOKEN=... node zoo-steps.mjs <zoo-values.json>');
  process.exit(2);
}
const values = JSON.parse(readFileSync(valuesFile, 'utf8'));

// The naming convention every generated client follows: `zoo:shape` and `zoo.echo` become
// `zooShape` and `zooEcho`.
const methodName = (rpc) =>
  rpc
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + word.slice(1))
    .join('');

const failure = (e) =>
  e instanceof RpcError
    ? { code: e.code, message: e.message, temporary: e.temporary, violations: e.violations }
    : { error: String(e?.message ?? e) };

const output = { connected: false, generatedVersion: CONTRACT_VERSION, cases: {} };
const centrifuge = new Centrifuge(url, { websocket: WebSocket, token, name: 'centrifugo4j-zoo-it', timeout: 8000 });
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 40000);

centrifuge.connect();
try {
  await centrifuge.ready(10000);
  output.connected = true;
  const client = new RpcClient(centrifuge);
  for (const testCase of values.cases) {
    const method = client[methodName(testCase.method)];
    if (typeof method !== 'function') {
      output.cases[testCase.name] = { missingMethod: methodName(testCase.method) };
      continue;
    }
    try {
      const result =
        'value' in testCase
          ? await method.call(client, testCase.value, { timeout: 8000 })
          : await method.call(client, { timeout: 8000 });
      output.cases[testCase.name] = { received: result === undefined ? null : result };
    } catch (e) {
      output.cases[testCase.name] = { failure: failure(e) };
    }
  }

  // The typed channel: subscribe to the cage, then ask the server to publish a sighting into it.
  const everything = values.cases.find((c) => c.name === values.sighting.sighting.specimen).value;
  const sighting = { ...values.sighting.sighting, specimen: everything };
  const received = new Promise((resolve, reject) => {
    const subscription = client.subscribeZooCage(values.sighting.cage, {
      onPublication: (data, context) => resolve({ data, channel: context.channel }),
    });
    subscription.on('error', (context) => reject(new Error(JSON.stringify(context.error))));
    subscription.on('subscribed', async () => {
      try {
        output.sightOffset = await client.zooSight({ cage: values.sighting.cage, sighting });
      } catch (e) {
        reject(e);
      }
    });
  });
  output.publication = await received;
  output.sent = { sighting };

  // A cage the subscribe handler refuses.
  output.closedCage = await new Promise((resolve) => {
    const subscription = client.subscribeZooCage('closed');
    subscription.on('subscribed', () => resolve({ subscribed: true }));
    subscription.on('unsubscribed', (context) => resolve({ unsubscribed: context.code }));
    subscription.on('error', (context) => resolve({ error: context.error.code }));
  });
  output.serverVersion = (await centrifuge.rpc('system.contract', {})).data.version;
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
centrifuge.disconnect();
clearTimeout(watchdog);
console.log(JSON.stringify(output));
