// Logs in to a Spring app like a browser (form login, session cookie), connects to Centrifugo with
// the official JavaScript SDK and no token (the cookie travels with the WebSocket upgrade and
// Centrifugo forwards it to the connect and refresh proxies), then plays the steps and prints what
// happened as one JSON line.
//
//   APP_URL=http://127.0.0.1:8080 CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket \
//     node session.mjs '{"user":"alice","password":"alice-password","steps":[{"sleep":5000},{"logout":true}]}'
//
// Steps: {"sleep":ms} (records the client's state afterwards) | {"logout":true} (ends the Spring session)
import { Centrifuge } from 'centrifuge';
import WebSocket from 'ws';

const app = process.env.APP_URL;
const url = process.env.CENTRIFUGO_URL;
const scenario = JSON.parse(process.argv[2] ?? '{}');
if (!app || !url) {
  console.error('APP_URL and CENTRIFUGO_URL must be set');
  process.exit(2);
}

function sessionCookie(response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair.startsWith('JSESSIONID=')) {
      return pair;
    }
  }
  return '';
}

async function login(user, password) {
  const response = await fetch(`${app}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user, password }),
  });
  const cookie = sessionCookie(response);
  if (response.status !== 302 || (response.headers.get('location') ?? '').includes('error') || !cookie) {
    throw new Error(`login of ${user} failed: ${response.status} ${response.headers.get('location')}`);
  }
  return cookie;
}

async function logout(cookie) {
  const response = await fetch(`${app}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie } });
  if (response.status !== 302) {
    throw new Error(`logout failed: ${response.status}`);
  }
}

const output = { connected: false, steps: [], connecting: [], disconnected: null };
let finished = false; // the script's own disconnect at the end is not an outcome
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 50000);

try {
  const cookie = await login(scenario.user, scenario.password);
  class BrowserLikeWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { Cookie: cookie } });
    }
  }
  const client = new Centrifuge(url, { websocket: BrowserLikeWebSocket, name: 'starter-it', timeout: 8000 });
  const disconnected = new Promise((resolve) => {
    client.on('disconnected', (ctx) => {
      if (!finished) {
        output.disconnected ??= { code: ctx.code, reason: ctx.reason, afterStep: output.steps.length };
      }
      resolve(false);
    });
  });
  client.on('connecting', (ctx) => output.connecting.push(ctx.code));
  const connected = new Promise((resolve) => client.on('connected', () => resolve(true)));
  client.connect();
  output.connected = await Promise.race([connected, disconnected]);
  for (const step of output.connected ? scenario.steps ?? [] : []) {
    if (step.sleep) {
      await new Promise((resolve) => setTimeout(resolve, step.sleep));
      output.steps.push({ state: client.state });
    } else if (step.logout) {
      await logout(cookie);
      output.steps.push({ loggedOut: true });
    }
  }
  finished = true;
  client.disconnect();
} catch (e) {
  output.failure = String(e?.message ?? JSON.stringify(e));
}
clearTimeout(watchdog);
console.log(JSON.stringify(output));
