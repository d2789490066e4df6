// Handler isolation through Centrifugo with the official JavaScript SDK.
// MODE=load: HAMMERS connections call the hanging RPC method 'isolation.hang' over and over (pausing
// 50 ms after an error, as a client backs off); after WARMUP_MS, WORKERS workers run healthy sessions
// for DURATION_MS: each connects (connect proxy), subscribes to a channel (subscribe proxy) and calls
// 'isolation.echo' (RPC proxy) on a new connection, each step bounded by STEP_TIMEOUT_MS.
// MODE=recover: WORKERS sessions as above that also call 'isolation.hang'.
// Prints {"sessions":N,"failed":N,"firstFailure":...,"latencies":{"connect":[ms...],...},"hammer":{...}}.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const url = process.env.CENTRIFUGO_URL;
const mode = process.env.MODE ?? 'load';
const hammers = Number(process.env.HAMMERS ?? 32);
const warmup = Number(process.env.WARMUP_MS ?? 1500);
const duration = Number(process.env.DURATION_MS ?? 6000);
const workers = Number(process.env.WORKERS ?? 4);
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS ?? 3000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function client(name) {
  return new Centrifuge(url, { websocket: WebSocket, name, timeout: stepTimeout, minReconnectDelay: 100 });
}

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${stepTimeout} ms`)), stepTimeout);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error) {
  if (error?.code !== undefined) {
    return `${error.code} ${error.message ?? ''}`.trim();
  }
  return String(error?.message ?? error);
}

const latencies = { connect: [], subscribe: [], rpc: [], hang: [] };
let sessions = 0;
let failed = 0;
let firstFailure = null;

async function timed(kind, action) {
  const started = performance.now();
  const result = await action();
  latencies[kind].push(Math.round((performance.now() - started) * 10) / 10);
  return result;
}

async function session(id, callHang) {
  const centrifuge = client(`healthy-${id}`);
  try {
    await timed('connect', () => within(new Promise((resolve) => {
      centrifuge.once('connected', resolve);
      centrifuge.connect();
    }), 'connect'));
    const subscription = centrifuge.newSubscription(`isolation:room-${id}`);
    await timed('subscribe', () => within(new Promise((resolve, reject) => {
      subscription.once('subscribed', resolve);
      subscription.once('unsubscribed', (ctx) => reject(new Error(`unsubscribed ${ctx.code} ${ctx.reason}`)));
      subscription.subscribe();
    }), 'subscribe'));
    const text = `echo ${id}`;
    const reply = await timed('rpc', () => within(centrifuge.rpc('isolation.echo', { text }), 'rpc'));
    if (reply.data?.text !== text) {
      throw new Error(`unexpected echo ${JSON.stringify(reply.data)}`);
    }
    if (callHang) {
      await timed('hang', () => within(centrifuge.rpc('isolation.hang', {}), 'hang'));
    }
  } catch (error) {
    failed++;
    firstFailure ??= describe(error);
  } finally {
    sessions++;
    centrifuge.disconnect();
  }
}

const hammer = { calls: 0, errors: {}, connected: 0 };
let hammering = true;

async function hammerLoop(centrifuge) {
  while (hammering) {
    try {
      await centrifuge.rpc('isolation.hang', {});
      hammer.calls++;
    } catch (error) {
      const key = String(error?.code ?? 'other');
      hammer.errors[key] = (hammer.errors[key] ?? 0) + 1;
      await sleep(50);
    }
  }
}

if (mode === 'recover') {
  await Promise.all(Array.from({ length: workers }, (_, id) => session(1000 + id, true)));
  console.log(JSON.stringify({ sessions, failed, firstFailure, latencies }));
  process.exit(0);
}

// The hammering connections connect first, before anything hangs.
const hammerClients = [];
for (let i = 0; i < hammers; i++) {
  const centrifuge = client(`hammer-${i}`);
  hammerClients.push(centrifuge);
}
await within(Promise.all(hammerClients.map((centrifuge) => new Promise((resolve) => {
  centrifuge.once('connected', () => {
    hammer.connected++;
    resolve();
  });
  centrifuge.connect();
}))), 'connecting the hammers');
const loops = hammerClients.map((centrifuge) => hammerLoop(centrifuge));
await sleep(warmup);

const deadline = Date.now() + duration;
let next = 0;
await Promise.all(Array.from({ length: workers }, async () => {
  while (Date.now() < deadline) {
    await session(next++, false);
  }
}));
hammering = false;
console.log(JSON.stringify({ sessions, failed, firstFailure, latencies, hammer }));
hammerClients.forEach((centrifuge) => centrifuge.disconnect());
process.exit(0);
