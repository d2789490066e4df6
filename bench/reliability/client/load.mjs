// Steady RPC load through Centrifugo with the official JavaScript SDK: keeps CONCURRENCY calls in
// flight for DURATION_MS, checks every reply, and prints {"calls":N,"errors":N,"firstError":...}.
// Environment: CENTRIFUGO_URL, CENTRIFUGO_TOKEN, DURATION_MS, CONCURRENCY.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const client = new Centrifuge(process.env.CENTRIFUGO_URL, {
  token: process.env.CENTRIFUGO_TOKEN,
  websocket: WebSocket,
});
const duration = Number(process.env.DURATION_MS);
const concurrency = Number(process.env.CONCURRENCY ?? 4);
let calls = 0;
let errors = 0;
let firstError = null;

async function worker(id, deadline) {
  let n = 0;
  while (Date.now() < deadline) {
    const sequence = id * 1_000_000_000 + n++;
    const text = `load ${sequence}`;
    try {
      const result = await client.rpc('fuzz.async', { text, sequence });
      if (result.data !== text.toUpperCase()) {
        throw new Error(`unexpected reply ${JSON.stringify(result.data)}`);
      }
      calls++;
    } catch (error) {
      errors++;
      firstError ??= String(error?.message ?? JSON.stringify(error));
    }
  }
}

client.on('connected', async () => {
  const deadline = Date.now() + duration;
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id, deadline)));
  console.log(JSON.stringify({ calls, errors, firstError }));
  client.disconnect();
  process.exit(0);
});
client.on('disconnected', (ctx) => {
  if (ctx.code !== 0) {
    console.log(JSON.stringify({ calls, errors: errors + 1, firstError: `disconnected ${JSON.stringify(ctx)}` }));
    process.exit(1);
  }
});
client.connect();
