// The terminal page: xterm.js in the browser, a shell on the server. Keystrokes go to the server as
// typed RPC calls of the client generated from the app's contract (terminal.input); the shell's
// output comes back on the session's channel terminal:session:{sessionId}. The connection to
// Centrifugo carries no token: the browser sends the login cookie with the WebSocket upgrade and
// Centrifugo's connect proxy asks the app who that is.
//
// The session id is kept in the address (#session=...), so that a reload reattaches to the same shell.
import { Centrifuge, type Subscription } from 'centrifuge';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { RpcClient, RpcError, type TerminalEvent } from 'terminal-client';

interface PageConfig {
  centrifugoUrl: string;
  user: string;
  csrfParameter: string;
  csrfToken: string;
}

/** The most bytes one terminal.input call carries (TerminalInput.MAX_BYTES). */
const MAX_INPUT_BYTES = 16 * 1024;

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`#${id} is missing from the page`);
  }
  return found as T;
};

const stateLabel = element<HTMLSpanElement>('state');
const sessionLabel = element<HTMLElement>('session');

function setState(state: 'starting' | 'connecting' | 'ready' | 'ended' | 'denied' | 'failed', text: string): void {
  stateLabel.dataset.state = state;
  stateLabel.textContent = text;
  document.body.dataset.state = state;
}

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
};

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const describe = (error: unknown): string => {
  const e = RpcError.from(error);
  return e.code ? `${e.message} (${e.code})` : e.message;
};

const config = (await (await fetch('/api/config', { headers: { Accept: 'application/json' } })).json()) as PageConfig;
element<HTMLElement>('user').textContent = config.user;
const csrf = element<HTMLInputElement>('csrf');
csrf.name = config.csrfParameter;
csrf.value = config.csrfToken;

const term = new Terminal({
  cursorBlink: true,
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  scrollback: 5000,
  theme: { background: '#1e1e1e' },
});
const fit = new FitAddon();
term.loadAddon(fit);
term.open(element('terminal'));
fit.fit();

const note = (text: string, color = '2'): void => term.write(`\r\n\x1b[${color}m${text}\x1b[0m\r\n`);

// {host}: the host this page came from, so that the login cookie (which belongs to it) goes along.
const url = config.centrifugoUrl.replace('{host}', location.hostname);
const centrifuge = new Centrifuge(url, { name: 'centrifugo4j-terminal' });
const client = new RpcClient(centrifuge);

let sessionId: string | null = null;
let subscription: Subscription | null = null;

// Input: one call at a time, in order; what is typed meanwhile goes in the next call.
const queued: Uint8Array[] = [];
let sending = false;

async function sendInput(): Promise<void> {
  if (sending) {
    return;
  }
  sending = true;
  try {
    while (queued.length > 0 && sessionId) {
      const parts = queued.splice(0);
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const part of parts) {
        all.set(part, at);
        at += part.length;
      }
      for (let i = 0; i < all.length; i += MAX_INPUT_BYTES) {
        await client.terminalInput({ sessionId, data: toBase64(all.subarray(i, i + MAX_INPUT_BYTES)) });
      }
    }
  } catch (error) {
    note(`input not delivered: ${describe(error)}`, '31');
  } finally {
    sending = false;
  }
}

const encoder = new TextEncoder();
term.onData((data) => {
  queued.push(encoder.encode(data));
  void sendInput();
});
term.onBinary((data) => {
  queued.push(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff));
  void sendInput();
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
term.onResize(({ cols, rows }) => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (sessionId && subscription?.state === 'subscribed') {
      client.terminalResize({ sessionId, cols, rows }).catch((error) => note(`resize failed: ${describe(error)}`, '31'));
    }
  }, 100);
});
window.addEventListener('resize', () => fit.fit());

function detach(): void {
  if (subscription) {
    subscription.removeAllListeners();
    subscription.unsubscribe();
    centrifuge.removeSubscription(subscription);
    subscription = null;
  }
  sessionId = null;
  queued.length = 0;
  sessionLabel.textContent = 'none';
  delete sessionLabel.dataset.sessionId;
  history.replaceState(null, '', location.pathname);
}

function onEvent(event: TerminalEvent): void {
  if (event.type === 'output') {
    term.write(fromBase64(event.data));
  } else {
    note(`[the shell exited with status ${event.status}]`);
    setState('ended', `ended (status ${event.status})`);
    detach();
  }
}

/** Subscribes to a session's output; once subscribed, sends the terminal's size (which starts the output). */
function attach(id: string): void {
  sessionId = id;
  sessionLabel.textContent = id.slice(0, 8);
  sessionLabel.dataset.sessionId = id;
  history.replaceState(null, '', `#session=${id}`);
  setState('connecting', 'attaching');
  const sub = client.subscribeTerminalSession(id, { onPublication: (data) => onEvent(data) });
  subscription = sub;
  sub.on('subscribed', () => {
    setState('ready', 'ready');
    client
      .terminalResize({ sessionId: id, cols: term.cols, rows: term.rows })
      .catch((error) => note(`could not start the output: ${describe(error)}`, '31'));
    term.focus();
  });
  sub.on('error', (ctx) => note(`subscription trouble, retrying: ${ctx.error.message} (${ctx.error.code})`, '33'));
  sub.on('unsubscribed', (ctx) => {
    if (sub !== subscription) {
      return;
    }
    note(`cannot attach to session ${id}: ${ctx.reason} (${ctx.code})`, '31');
    setState('denied', `denied: ${ctx.reason}`);
    detach();
  });
}

async function openSession(): Promise<void> {
  term.reset();
  try {
    const opened = await client.terminalOpen({ cols: term.cols, rows: term.rows });
    attach(opened.sessionId);
  } catch (error) {
    note(`could not open a terminal: ${describe(error)}`, '31');
    setState('failed', 'no terminal');
  }
}

async function closeSession(): Promise<void> {
  if (sessionId) {
    const id = sessionId;
    try {
      await client.terminalClose({ sessionId: id });
    } catch (error) {
      note(`close failed: ${describe(error)}`, '31');
      detach();
    }
  }
}

element<HTMLButtonElement>('close-session').addEventListener('click', () => void closeSession());
element<HTMLButtonElement>('new-session').addEventListener('click', () => {
  void (async () => {
    const previous = sessionId;
    detach();
    if (previous) {
      await client.terminalClose({ sessionId: previous }).catch(() => undefined);
    }
    await openSession();
  })();
});

centrifuge.on('connecting', (ctx) => {
  if (ctx.code !== 0) {
    setState('connecting', `reconnecting: ${ctx.reason}`);
  }
});
centrifuge.on('disconnected', (ctx) => {
  setState('failed', `disconnected: ${ctx.reason}`);
  note(`disconnected from Centrifugo: ${ctx.reason} (${ctx.code}); reload the page after logging in again`, '31');
});

setState('connecting', 'connecting');
centrifuge.connect();
try {
  await centrifuge.ready(15000);
  const reattach = /^#session=([0-9a-f-]{36})$/.exec(location.hash)?.[1];
  if (reattach) {
    attach(reattach);
  } else {
    await openSession();
  }
} catch (error) {
  setState('failed', 'no connection');
  note(`could not connect to ${url}: ${describe(error)}`, '31');
}
