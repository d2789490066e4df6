// Drives the terminal page in headless Chromium (Debian's chromium, through playwright-core; no browser
// is downloaded) and prints what happened as one JSON line. Used by TerminalInBrowserTests:
//
//   APP_URL=http://127.0.0.1:8080 CHROMIUM=/usr/bin/chromium SCREENSHOT=target/terminal.png node browser-test.mjs
//
// alice logs in, gets a terminal, types `echo hello-from-test` + Enter and waits for the shell's output
// line; a screenshot is taken; bob logs in and tries to attach to alice's session (#session=<id>), which
// the subscribe proxy must refuse; alice closes her session and sees the shell's exit.
import { chromium } from 'playwright-core';

const app = process.env.APP_URL;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const screenshot = process.env.SCREENSHOT;
if (!app || !screenshot) {
  console.error('APP_URL and SCREENSHOT must be set');
  process.exit(2);
}

const output = { steps: [] };
const step = (name, details = {}) => output.steps.push({ name, ...details });
const watchdog = setTimeout(() => {
  console.log(JSON.stringify({ ...output, timedOut: true }));
  process.exit(1);
}, 90000);

/** The terminal's rendered rows (xterm.js DOM renderer), trimmed. */
const rows = (page) =>
  page.$$eval('#terminal .xterm-rows > div', (divs) => divs.map((d) => (d.textContent ?? '').trimEnd()));

async function login(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      output.consoleErrors = [...(output.consoleErrors ?? []), `${user}: ${message.text()}`];
    }
  });
  pages.set(user, page);
  await page.goto(`${app}/`);
  await page.fill('#username', user);
  await page.fill('#password', `${user}-password`);
  await Promise.all([page.waitForURL(`${app}/**`), page.click('button[type=submit]')]);
  return page;
}

const pages = new Map();
let browser;
try {
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  output.browser = browser.version();

  const alice = await login(browser, 'alice');
  await alice.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
  const session = await alice.getAttribute('#session', 'data-session-id');
  step('alice ready', { session });
  // The shell's first output (its prompt) shows that the output flows before anything is typed.
  await alice.waitForFunction(
    () => [...document.querySelectorAll('#terminal .xterm-rows > div')].some((d) => d.textContent.trim() !== ''),
    null,
    { timeout: 20000 },
  );
  await alice.click('#terminal');
  await alice.keyboard.type('echo hello-from-test');
  await alice.keyboard.press('Enter');
  // The command line contains the text as well; the shell's answer is a row of its own.
  await alice.waitForFunction(
    () => [...document.querySelectorAll('#terminal .xterm-rows > div')].some((d) => d.textContent.trim() === 'hello-from-test'),
    null,
    { timeout: 20000 },
  );
  step('alice saw the output', { rows: (await rows(alice)).filter((r) => r !== '') });
  await alice.screenshot({ path: screenshot });
  step('screenshot', { path: screenshot });

  const bob = await login(browser, 'bob');
  await bob.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
  step('bob has a terminal of his own', { session: await bob.getAttribute('#session', 'data-session-id') });
  await bob.goto(`${app}/index.html#session=${session}`);
  await bob.waitForSelector('body[data-state="denied"]', { timeout: 20000 });
  const bobRows = (await rows(bob)).filter((r) => r !== '');
  step('bob was refused alice\'s session', {
    state: await bob.textContent('#state'),
    rows: bobRows,
    sawAliceOutput: bobRows.some((r) => r.includes('hello-from-test')),
  });

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
  for (const [user, page] of pages) {
    output.pages[user] = {
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
