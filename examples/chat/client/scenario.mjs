// Plays a scenario against the chat example through Centrifugo with the official JavaScript SDK,
// logged in like a browser: form login to the Spring app, then the session cookie travels with the
// WebSocket upgrade (no connection token), and prints what happened as one JSON line.
//
//   APP_URL=http://127.0.0.1:8080 CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket \
//     node scenario.mjs '{"login":{"user":"alice","password":"alice-password"},"steps":[{"rpc":"chat.whoami"}]}'
//
// Steps: {"rpc":m,"data":d} | {"subscribe":ch} | {"publish":ch,"data":d} | {"awaitPublication":ch} | {"sleep":ms}
//        | {"logout":true} (ends the Spring session, as the browser's logout button would)
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const app = process.env.APP_URL;
const url = process.env.CENTRIFUGO_URL;
const scenario = JSON.parse(process.argv[2] ?? '{}');
if (!app || !url) {
  console.error('APP_URL and CENTRIFUGO_URL must be set');
  process.exit(2);
}

function cookiesOf(response, previous) {
  const jar = new Map((previous ?? '').split('; ').filter(Boolean).map((c) => c.split('=', 2)));
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, value] = pair.split('=', 2);
    jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

async function csrfToken(cookie) {
  const page = await fetch(`${app}/login`, { headers: cookie ? { Cookie: cookie } : {} });
  return [cookiesOf(page, cookie), (await page.text()).match(/name="_csrf"[^>]*value="([^"]+)"/)?.[1] ?? ''];
}

async function logout(cookie) {
  const [withCsrf, csrf] = await csrfToken(cookie);
  const response = await fetch(`${app}/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: withCsrf },
    body: new URLSearchParams({ _csrf: csrf }),
  });
  if (response.status !== 302) {
    throw new Error(`logout failed: ${response.status}`);
  }
}

async function login(user, password) {
  const [cookie, csrf] = await csrfToken('');
  const response = await fetch(`${app}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ username: user, password, _csrf: csrf }),
  });
  const location = response.headers.get('location') ?? '';
  if (response.status !== 302 || location.includes('error')) {
    throw new Error(`login of ${user} failed: ${response.status} ${location}`);
  }
  return cookiesOf(response, cookie);
}

const output = { connected: false, results: [], disconnected: null, connecting: [] };
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 45000);

try {
  const cookie = scenario.login ? await login(scenario.login.user, scenario.login.password) : '';
  class BrowserLikeWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: cookie ? { Cookie: cookie } : {} });
    }
  }
  const client = new Centrifuge(url, { websocket: BrowserLikeWebSocket, name: 'chat-it', timeout: 8000 });
  const disconnected = new Promise((resolve) => {
    client.on('disconnected', (ctx) => {
      output.disconnected ??= { code: ctx.code, reason: ctx.reason };
      resolve();
    });
  });
  client.on('connecting', (ctx) => output.connecting.push(ctx.code));
  const connected = new Promise((resolve) => client.on('connected', () => resolve(true)));
  const publications = new Map();
  const subscriptions = new Map();
  client.connect();
  output.connected = await Promise.race([connected, disconnected.then(() => false)]);
  for (const step of output.connected ? scenario.steps ?? [] : []) {
    try {
      if (step.rpc) {
        const reply = await client.rpc(step.rpc, step.data ?? {});
        output.results.push({ ok: true, data: reply.data ?? null });
      } else if (step.subscribe) {
        const sub = client.newSubscription(step.subscribe);
        publications.set(step.subscribe, []);
        sub.on('publication', (ctx) => publications.get(step.subscribe).push(ctx.data));
        const outcome = new Promise((resolve) => {
          sub.on('subscribed', () => resolve({ ok: true }));
          sub.on('unsubscribed', (ctx) => resolve({ ok: false, error: { code: ctx.code, message: ctx.reason } }));
          sub.on('error', (ctx) => resolve({ ok: false, error: { code: ctx.error.code, message: ctx.error.message } }));
        });
        sub.subscribe();
        subscriptions.set(step.subscribe, sub);
        output.results.push(await outcome);
      } else if (step.publish) {
        await client.publish(step.publish, step.data);
        output.results.push({ ok: true });
      } else if (step.awaitPublication) {
        const deadline = Date.now() + 5000;
        while (publications.get(step.awaitPublication)?.length === 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const received = publications.get(step.awaitPublication)?.shift();
        output.results.push(received ? { ok: true, data: received } : { ok: false, error: { code: 0, message: 'no publication' } });
      } else if (step.logout) {
        await logout(cookie);
        output.results.push({ ok: true });
      } else if (step.sleep) {
        await new Promise((resolve) => setTimeout(resolve, step.sleep));
        output.results.push({ ok: true, state: client.state });
      }
    } catch (e) {
      output.results.push({ ok: false, error: { code: e.code, message: e.message, temporary: e.temporary ?? false } });
    }
  }
  client.disconnect();
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
clearTimeout(watchdog);
console.log(JSON.stringify(output));
