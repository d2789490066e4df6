// The cap on all proxy calls together, through Centrifugo with the official JavaScript SDK.
// MODE=load: WORKERS healthy connections connect first; then HAMMERS connections call the hanging RPC
// methods cap.hang1 .. cap.hang4 (round robin) over and over (pausing 50 ms after an error, as a
// client backs off). After WARMUP_MS, for DURATION_MS, each healthy connection calls 'cap.echo' (RPC
// proxy), subscribes to a new channel (subscribe proxy) and opens a new connection (connect proxy),
// over and over, and counts how each step ended: "ok", the error code the application answered with
// (429: refused at a limit), Centrifugo's 100 (its proxy timed out: nobody answered in time), or
// "timeout" (no answer within STEP_TIMEOUT_MS).
// MODE=recover: WORKERS sessions that connect, subscribe, call 'cap.echo' and 'cap.hang1'.
// Prints {"steps":{"rpc":{"ok":N,"429":N,...},"subscribe":{...},"connect":{...}},"hammer":{...}}.
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const url = process.env.CENTRIFUGO_URL;
const mode = process.env.MODE ?? 'load';
const hammers = Number(process.env.HAMMERS ?? 32);
const warmup = Number(process.env.WARMUP_MS ?? 1500);
const duration = Number(process.env.DURATION_MS ?? 4000);
const workers = Number(process.env.WORKERS ?? 4);
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS ?? 3000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function client(name) {
  return new Centrifuge(url, { websocket: WebSocket, name, timeout: stepTimeout, minReconnectDelay: 100 });
}

const steps = { rpc: {}, subscribe: {}, connect: {} };

function count(step, outcome) {
  steps[step][outcome] = (steps[step][outcome] ?? 0) + 1;
}

/** Resolves with "ok", an error code or "timeout", whichever comes first. */
function outcome(start) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), stepTimeout);
    start((result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

function connect(centrifuge) {
  return outcome((done) => {
    centrifuge.once('connected', () => done('ok'));
    centrifuge.on('error', (ctx) => done(String(ctx.error?.code ?? 'other')));
    centrifuge.on('disconnected', (ctx) => done(`disconnect ${ctx.code}`));
    centrifuge.connect();
  });
}

let channel = 0;

async function subscribe(centrifuge) {
  const subscription = centrifuge.newSubscription(`cap:room-${channel++}`);
  const result = await outcome((done) => {
    subscription.once('subscribed', () => done('ok'));
    subscription.on('error', (ctx) => done(String(ctx.error?.code ?? 'other')));
    subscription.on('unsubscribed', (ctx) => done(`unsubscribed ${ctx.code}`));
    subscription.subscribe();
  });
  subscription.unsubscribe();
  centrifuge.removeSubscription(subscription);
  return result;
}

async function rpc(centrifuge, method) {
  try {
    await centrifuge.rpc(method, { text: 'echo' });
    return 'ok';
  } catch (error) {
    return error?.code === 1 ? 'timeout' : String(error?.code ?? 'other');
  }
}

async function openAll(names) {
  const clients = names.map((name) => client(name));
  const results = await Promise.all(clients.map((centrifuge) => connect(centrifuge)));
  const failed = results.filter((result) => result !== 'ok');
  if (failed.length > 0) {
    console.log(JSON.stringify({ error: `could not connect: ${failed}` }));
    process.exit(1);
  }
  return clients;
}

if (mode === 'recover') {
  const healthy = await openAll(Array.from({ length: workers }, (_, id) => `recover-${id}`));
  for (const centrifuge of healthy) {
    count('connect', 'ok');
    count('subscribe', await subscribe(centrifuge));
    count('rpc', await rpc(centrifuge, 'cap.echo'));
    count('rpc', await rpc(centrifuge, 'cap.hang1'));
    centrifuge.disconnect();
  }
  console.log(JSON.stringify({ steps }));
  process.exit(0);
}

// Everyone connects before anything hangs.
const healthy = await openAll(Array.from({ length: workers }, (_, id) => `healthy-${id}`));
const hammerClients = await openAll(Array.from({ length: hammers }, (_, id) => `hammer-${id}`));

const hammer = { calls: 0, errors: {} };
let hammering = true;

async function hammerLoop(centrifuge, id) {
  const method = `cap.hang${(id % 4) + 1}`;
  while (hammering) {
    const result = await rpc(centrifuge, method);
    if (result === 'ok') {
      hammer.calls++;
    } else {
      hammer.errors[result] = (hammer.errors[result] ?? 0) + 1;
      await sleep(50);
    }
  }
}

const loops = hammerClients.map((centrifuge, id) => hammerLoop(centrifuge, id));
await sleep(warmup);

const deadline = Date.now() + duration;
let sessions = 0;
await Promise.all(healthy.map(async (centrifuge, id) => {
  while (Date.now() < deadline) {
    count('rpc', await rpc(centrifuge, 'cap.echo'));
    count('subscribe', await subscribe(centrifuge));
    const fresh = client(`fresh-${id}-${sessions++}`);
    count('connect', await connect(fresh));
    fresh.disconnect();
  }
}));
hammering = false;
console.log(JSON.stringify({ steps, hammer, sessions }));
process.exit(0);
