// One real centrifuge-js client, driven by a Java test over stdin/stdout (one JSON object a line).
//
//   CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> node driver.mjs
//
// Commands (stdin):  {"op":"subscribe","channel":"chat:1","token":"<optional subscription jwt>"}
//                    {"op":"close"}
// Events (stdout):   {"event":"connected","client":"..."} | {"event":"disconnected","code":..,"reason":".."}
//                    {"event":"error","code":..,"message":".."} | {"event":"subscribed","channel":"..","server":bool}
//                    {"event":"unsubscribed","channel":"..","code":..,"server":bool}
//                    {"event":"subscription_error","channel":"..","code":..,"message":".."}
//                    {"event":"publication","channel":"..","data":..,"server":bool}
import { Centrifuge, UnauthorizedError } from 'centrifuge';
import WebSocket from 'ws';
import readline from 'node:readline';

const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN ?? '';
const emit = (event) => console.log(JSON.stringify(event));

const client = new Centrifuge(url, {
  websocket: WebSocket,
  token,
  // A refused token must not be retried with the same token forever.
  getToken: async () => { throw new UnauthorizedError('no fresh token in tests'); },
  name: 'centrifugo4j-test',
  timeout: 5000,
});
client.on('connected', (ctx) => emit({ event: 'connected', client: ctx.client }));
client.on('disconnected', (ctx) => emit({ event: 'disconnected', code: ctx.code, reason: ctx.reason }));
client.on('error', (ctx) => emit({ event: 'error', type: ctx.type, code: ctx.error?.code, message: ctx.error?.message }));
client.on('subscribed', (ctx) => emit({ event: 'subscribed', channel: ctx.channel, server: true }));
client.on('unsubscribed', (ctx) => emit({ event: 'unsubscribed', channel: ctx.channel, server: true }));
client.on('publication', (ctx) => emit({ event: 'publication', channel: ctx.channel, data: ctx.data, server: true }));

const watchdog = setTimeout(() => process.exit(3), 60000);

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.op === 'subscribe') {
    const options = command.token ? { token: command.token } : {};
    const sub = client.newSubscription(command.channel, options);
    sub.on('subscribed', () => emit({ event: 'subscribed', channel: command.channel, server: false }));
    sub.on('unsubscribed', (ctx) =>
      emit({ event: 'unsubscribed', channel: command.channel, code: ctx.code, reason: ctx.reason, server: false }));
    sub.on('error', (ctx) =>
      emit({ event: 'subscription_error', channel: command.channel, code: ctx.error?.code, message: ctx.error?.message }));
    sub.on('publication', (ctx) => emit({ event: 'publication', channel: command.channel, data: ctx.data, server: false }));
    sub.subscribe();
  } else if (command.op === 'close') {
    client.disconnect();
    clearTimeout(watchdog);
    setTimeout(() => process.exit(0), 50);
  }
}).on('close', () => {
  client.disconnect();
  process.exit(0);
});

client.connect();
