// A round trip through a running terminal example without a browser, for scripts/run-terminal --check:
// logs in as alice (form login, session cookie), connects to Centrifugo with that cookie and the official
// SDK, opens a terminal, types `echo smoke-$((6*7))`, waits for `smoke-42` in the output channel, closes
// the terminal and waits for its exit event. Prints one JSON line; exits 1 when something is missing.
//
//   APP_URL=http://localhost:8080 CENTRIFUGO_URL=ws://localhost:8000/connection/websocket node smoke.mjs
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const app = process.env.APP_URL;
const url = process.env.CENTRIFUGO_URL;
if (!app || !url) {
  console.error('APP_URL and CENTRIFUGO_URL must be set');
  process.exit(2);
}

function cookiesOf(response, previous) {
  const jar = new Map((previous ?? '').split('; ').filter(Boolean).map((c) => c.split('=', 2)));
  for (const header of response.headers.getSetCookie()) {
    const [name, value] = header.split(';')[0].split('=', 2);
    jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

async function login(user, password) {
  const page = await fetch(`${app}/login`);
  const cookie = cookiesOf(page, '');
  const csrf = (await page.text()).match(/name="_csrf"[^>]*value="([^"]+)"/)?.[1] ?? '';
  const response = await fetch(`${app}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ username: user, password, _csrf: csrf }),
  });
  if (response.status !== 302 || (response.headers.get('location') ?? '').includes('error')) {
    throw new Error(`login of ${user} failed: ${response.status}`);
  }
  return cookiesOf(response, cookie);
}

const until = async (condition, what, ms = 20000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const output = { ok: false };
let client;
let text = '';
try {
  const cookie = await login('alice', 'alice-password');
  class WithCookie extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { Cookie: cookie } });
    }
  }
  client = new Centrifuge(url, { websocket: WithCookie, name: 'terminal-smoke', timeout: 10000 });
  client.connect();
  await client.ready(10000);
  const { sessionId } = (await client.rpc('terminal.open', { cols: 80, rows: 24 })).data;
  output.sessionId = sessionId;
  let exit = null;
  const decoder = new TextDecoder();
  const sub = client.newSubscription(`terminal:session:${sessionId}`);
  sub.on('publication', (ctx) => {
    if (ctx.data.type === 'output') text += decoder.decode(Buffer.from(ctx.data.data, 'base64'), { stream: true });
    else exit = ctx.data.status;
  });
  sub.subscribe();
  await sub.ready(10000);
  await client.rpc('terminal.resize', { sessionId, cols: 80, rows: 24 });
  await client.rpc('terminal.input', { sessionId, data: Buffer.from('echo smoke-$((6*7))\r').toString('base64') });
  // The command line reads `smoke-$((6*7))`: only the shell's answer contains `smoke-42`.
  await until(() => text.includes('smoke-42'), 'the shell to answer');
  output.answered = true;
  await client.rpc('terminal.close', { sessionId });
  await until(() => exit !== null, 'the exit event');
  output.exitStatus = exit;
  output.ok = true;
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
  output.received = text.slice(-400);
} finally {
  client?.disconnect();
}
console.log(JSON.stringify(output));
process.exit(output.ok ? 0 : 1);
