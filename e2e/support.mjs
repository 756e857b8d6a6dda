// Shared pieces of the browser tests: start Samenspel on a fresh SQLite database, launch
// Debian's Chromium, check accessibility with axe-core, read the mail the app writes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PASSWORD = 'een-lange-zin-als-wachtwoord';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the app; returns { base, mailDir, stop }. */
export async function startApp() {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const mailDir = join(dir, 'mail');
  const bin = process.env.SAMENSPEL_BIN ?? join(root, 'target', 'debug', 'samenspel');
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}`,
      SAMENSPEL_BASE_URL: base,
      SAMENSPEL_MAIL_DIR: mailDir,
      SAMENSPEL_AUTH_ATTEMPTS_PER_MINUTE: '1000',
      RUST_LOG: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let healthy = false;
  for (let i = 0; i < 150 && !healthy && child.exitCode === null; i++) {
    try {
      healthy = (await fetch(`${base}/health`)).ok;
    } catch {
      // not listening yet
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 100));
  }
  if (!healthy) {
    child.kill('SIGKILL');
    throw new Error(`Samenspel did not start (${bin}); see its output above`);
  }
  return {
    base,
    mailDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

const withoutJs = new WeakSet();

/** A browser context; remembers when JavaScript is off, for checkA11y. */
export async function newContext(browser, options) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15000);
  if (options.javaScriptEnabled === false) withoutJs.add(context);
  return context;
}

/**
 * Fails with a readable list when axe-core finds any WCAG 2.1 A/AA violation. axe-core is a
 * script, so for a page shown without JavaScript it checks the same HTML in a probe page of a
 * JavaScript-enabled context, at the same address (so the stylesheets load too).
 */
export async function checkA11y(page, label) {
  let target = page;
  let probeContext;
  if (withoutJs.has(page.context())) {
    const html = await page.content();
    probeContext = await page.context().browser().newContext();
    target = await probeContext.newPage();
    await target.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await target.goto(page.url());
  }
  try {
    await checkPage(target, label, page.url());
  } finally {
    await probeContext?.close();
  }
}

async function checkPage(page, label, url) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  assert.deepEqual(found, [], `accessibility violations on ${label} (${url})`);
}

/** Waits for the mail to `to` that the app's job worker writes, and returns its text. */
export async function mailTo(mailDir, to) {
  for (let i = 0; i < 100; i++) {
    let files = [];
    try {
      files = readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => join(mailDir, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    } catch {
      // the folder appears with the first mail
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (text.includes(`To: ${to}`)) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

export function linkIn(text, marker) {
  const link = text.split(/\s+/).find((w) => w.startsWith('http') && w.includes(marker));
  assert.ok(link, `a link with ${marker} in the mail`);
  return link;
}

export function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.nl`;
}
