// Calls an RPC through Centrifugo with the official JavaScript SDK, one call at a time, and prints
// the latencies in microseconds as one JSON line: {"samples":[...]}.
// Environment: CENTRIFUGO_URL, CENTRIFUGO_TOKEN, METHOD, DATA (JSON), WARMUP, CALLS.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const client = new Centrifuge(process.env.CENTRIFUGO_URL, {
  token: process.env.CENTRIFUGO_TOKEN,
  websocket: WebSocket,
});
const data = JSON.parse(process.env.DATA);
const warmup = Number(process.env.WARMUP ?? 500);
const calls = Number(process.env.CALLS ?? 3000);

client.on('connected', async () => {
  try {
    for (let i = 0; i < warmup; i++) {
      await client.rpc(process.env.METHOD, data);
    }
    const samples = new Array(calls);
    for (let i = 0; i < calls; i++) {
      const started = process.hrtime.bigint();
      const result = await client.rpc(process.env.METHOD, data);
      samples[i] = Number((process.hrtime.bigint() - started) / 1000n);
      if (i === 0 && result.data.echo !== data.message) {
        throw new Error(`unexpected reply ${JSON.stringify(result.data)}`);
      }
    }
    console.log(JSON.stringify({ samples }));
    client.disconnect();
    process.exit(0);
  } catch (error) {
    console.error(`rpc failed: ${JSON.stringify(error)}`);
    process.exit(1);
  }
});
client.on('disconnected', (ctx) => {
  if (ctx.code !== 0) {
    console.error(`disconnected: ${JSON.stringify(ctx)}`);
    process.exit(1);
  }
});
client.connect();
