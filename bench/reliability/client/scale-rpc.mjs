// Scale-out: keeps CONCURRENCY calls of the RPC 'scale.echo' in flight for DURATION_MS through one
// Centrifugo node, whose RPC proxy is a load balancer in front of two app instances. A call that
// fails with a temporary error (503 "shutting down" from a draining instance, 100 when the proxy
// request failed) is sent again, as Centrifugo advises for temporary errors; a call counts as lost
// when it never gets an answer. Prints {"calls","answered","lost","wrong","retries","retryCodes",
// "byInstance","firstError"}.
// Environment: CENTRIFUGO_URL, CENTRIFUGO_TOKEN, DURATION_MS, CONCURRENCY.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const client = new Centrifuge(process.env.CENTRIFUGO_URL, {
  token: process.env.CENTRIFUGO_TOKEN,
  websocket: WebSocket,
});
const duration = Number(process.env.DURATION_MS);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const maxAttempts = 20;
let calls = 0;
let answered = 0;
let lost = 0;
let wrong = 0;
let retries = 0;
const retryCodes = {};
const byInstance = {};
let firstError = null;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(sequence) {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await client.rpc('scale.echo', { sequence });
      if (result.data?.sequence !== sequence) {
        wrong++;
        firstError ??= `unexpected reply ${JSON.stringify(result.data)} to ${sequence}`;
        return;
      }
      byInstance[result.data.instance] = (byInstance[result.data.instance] ?? 0) + 1;
      answered++;
      return;
    } catch (error) {
      const temporary = error?.temporary === true || error?.code === 503 || error?.code === 100;
      if (!temporary || attempt >= maxAttempts) {
        lost++;
        firstError ??= `${sequence}: ${JSON.stringify(error)}`;
        return;
      }
      retries++;
      retryCodes[error.code] = (retryCodes[error.code] ?? 0) + 1;
      await sleep(Math.min(20 * attempt, 200));
    }
  }
}

async function worker(id, deadline) {
  let n = 0;
  while (Date.now() < deadline) {
    calls++;
    await call(id * 1_000_000 + n++);
  }
}

client.on('connected', async () => {
  const deadline = Date.now() + duration;
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id, deadline)));
  console.log(JSON.stringify({ calls, answered, lost, wrong, retries, retryCodes, byInstance, firstError }));
  client.disconnect();
  process.exit(0);
});
client.on('disconnected', (ctx) => {
  if (ctx.code !== 0) {
    console.log(JSON.stringify({ calls, answered, lost: lost + 1, wrong, retries, retryCodes, byInstance,
      firstError: `disconnected ${JSON.stringify(ctx)}` }));
    process.exit(1);
  }
});
client.connect();
