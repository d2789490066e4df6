// Drives the terminal page in headless Chromium (Debian's chromium, through playwright-core; no browser
// is downloaded) and prints what happened as one JSON line. Used by TerminalInBrowserTests:
//
//   APP_URL=http://127.0.0.1:8080 CHROMIUM=/usr/bin/chromium SCREENSHOT=target/terminal.png \
//   APP_PID=1234 API_PORT=9000 SECRETS_FILE=/path/to/secrets.properties node browser-test.mjs
//
// alice logs in, gets a terminal, types `echo hello-from-test` and sees the answer. bob logs in and leaves
// a marker in his session: on his screen, in a file of his /tmp and in the arguments of a process. Then
// alice, the attacker, types probes into her shell, each ending in a line `probe <what>: <result>`: the
// app's environment (/proc/APP_PID/environ), the file holding its secret (SECRETS_FILE), Centrifugo's
// server API (API_PORT), bob's file, the processes and pseudo-terminals she can see. A screenshot is
// taken; alice then tries to attach to bob's session (#session=<id>), which the subscribe proxy must
// refuse (bob prints once more meanwhile), and closes her own session. The Java test reads her channel's history and checks the results
// and that bob's marker and the secrets appear nowhere in it.
import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';

const app = process.env.APP_URL;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const screenshot = process.env.SCREENSHOT;
const { APP_PID: appPid, API_PORT: apiPort, SECRETS_FILE: secretsFile } = process.env;
if (!app || !screenshot || !appPid || !apiPort || !secretsFile) {
  console.error('APP_URL, SCREENSHOT, APP_PID, API_PORT and SECRETS_FILE must be set');
  process.exit(2);
}
// Made here, so that it is in no command line or environment a shell could find outside bob's session.
const bobMarker = `bob-marker-${randomBytes(8).toString('hex')}`;

const output = { steps: [], bobMarker };
const step = (name, details = {}) => output.steps.push({ name, ...details });
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 100000);

/** The terminal's rendered rows (xterm.js DOM renderer), trimmed. */
const rows = (page) =>
  page.$$eval('#terminal .xterm-rows > div', (divs) => divs.map((d) => (d.textContent ?? '').trimEnd()));

/** Waits until a row of the terminal is exactly this text (a command's answer, not the command line). */
const rowShown = (page, text) =>
  page.waitForFunction(
    (wanted) => [...document.querySelectorAll('#terminal .xterm-rows > div')].some((d) => d.textContent.trim() === wanted),
    text,
    { timeout: 20000 },
  );

/** Types command lines into the terminal, each followed by Enter. */
async function typeLines(page, lines) {
  await page.click('#terminal');
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
}

async function newPage(context, user) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      output.consoleErrors = [...(output.consoleErrors ?? []), `${user}: ${message.text()}`];
    }
  });
  pages.set(`${user}#${pages.size}`, page);
  return page;
}

async function login(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await newPage(context, user);
  await page.goto(`${app}/`);
  await page.fill('#username', user);
  await page.fill('#password', `${user}-password`);
  await Promise.all([page.waitForURL(`${app}/**`), page.click('button[type=submit]')]);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
  // The shell's first output (its prompt) shows that the output flows before anything is typed.
  await page.waitForFunction(
    () => [...document.querySelectorAll('#terminal .xterm-rows > div')].some((d) => d.textContent.trim() !== ''),
    null,
    { timeout: 20000 },
  );
  return page;
}

const pages = new Map();
let browser;
try {
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  output.browser = browser.version();

  const alice = await login(browser, 'alice');
  const aliceSession = await alice.getAttribute('#session', 'data-session-id');
  step('alice ready', { session: aliceSession });
  await typeLines(alice, ['echo hello-from-test']);
  await rowShown(alice, 'hello-from-test');
  step('alice saw the output', { rows: (await rows(alice)).filter((r) => r !== '') });

  const bob = await login(browser, 'bob');
  const bobSession = await bob.getAttribute('#session', 'data-session-id');
  await typeLines(bob, [
    `echo ${bobMarker} > /tmp/bob-notes`,
    `bash -c 'sleep 120; :' ${bobMarker}-process &`,
    `echo ${bobMarker}`,
  ]);
  await rowShown(bob, bobMarker);
  step('bob left his marker', { session: bobSession });

  // Each probe ends in "probe <what>: <result>"; the command line itself never contains that line.
  await typeLines(alice, [
    `r=denied; cat /proc/${appPid}/environ && r=READ; echo "probe environ: $r"`,
    `r=denied; cat ${secretsFile} && r=READ; echo "probe secrets-file: $r"`,
    `r=unreachable; (echo > /dev/tcp/127.0.0.1/${apiPort}) && r=REACHED; echo "probe api-port: $r"`,
    `cat /proc/[0-9]*/cmdline | tr '\\0' ' '; echo; echo "probe processes: $(ls -d /proc/[0-9]* | wc -l)"`,
    `echo "probe terminals: $(ls /dev/pts | grep -c '^[0-9]')"`,
    // Last, so that what it finds would still be on the screen.
    `r=denied; cat /tmp/bob-notes && r=READ; echo "probe bobs-file: $r"`,
    'echo "probe $((6*7))"',
  ]);
  await rowShown(alice, 'probe 42');
  step('alice probed', { rows: (await rows(alice)).filter((r) => r.startsWith('probe ')) });
  await alice.screenshot({ path: screenshot });
  step('screenshot', { path: screenshot });

  // alice, in a second tab, tries to watch bob's session; bob then prints more.
  const spy = await newPage(alice.context(), 'alice');
  await spy.goto(`${app}/index.html#session=${bobSession}`);
  await spy.waitForSelector('body[data-state="denied"], body[data-state="ready"]', { timeout: 20000 });
  await typeLines(bob, [`echo ${bobMarker}-again`]);
  await rowShown(bob, `${bobMarker}-again`);
  await spy.waitForTimeout(500);
  const spyRows = (await rows(spy)).filter((r) => r !== '');
  step("alice tried to watch bob's session", {
    state: await spy.textContent('#state'),
    rows: spyRows,
    sawBobsOutput: spyRows.some((r) => r.includes(bobMarker)),
  });
  step("alice's page", { sawBobsOutput: (await rows(alice)).some((r) => r.includes(bobMarker)) });

  await alice.click('#close-session');
  await alice.waitForSelector('body[data-state="ended"]', { timeout: 20000 });
  step('alice closed her session', {
    state: await alice.textContent('#state'),
    rows: (await rows(alice)).filter((r) => r.includes('exited')),
  });
  output.ok = true;
} catch (e) {
  output.failure = String(e?.stack ?? e);
  // What each page showed when it went wrong.
  output.pages = {};
  for (const [name, page] of pages) {
    output.pages[name] = {
      url: page.url(),
      state: await page.textContent('#state').catch(() => null),
      rows: (await rows(page).catch(() => [])).filter((r) => r !== ''),
    };
  }
} finally {
  await browser?.close();
}
clearTimeout(watchdog);
console.log(JSON.stringify(output));
