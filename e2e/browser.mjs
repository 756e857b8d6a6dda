// Debian's Chromium through playwright-core, and the axe-core accessibility check.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import * as OTPAuth from 'otpauth';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latestMail, linkIn } from './server.mjs';

export const PASSWORD = 'een-lange-zin-als-wachtwoord';

export function launchBrowser() {
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

// Contexts opened with JavaScript off, and per browser a page with JavaScript on for axe.
const scriptless = new WeakSet();
const probes = new WeakMap();
// Per page, the last document the app sent it (the HTML as it came, for the Nu HTML Checker).
const documents = new WeakMap();

/** Where checkA11y keeps the HTML of each page it checks, for `e2e/check-html.mjs`. */
export const HTML_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'e2e-html');
let checked = 0;

async function probePage(browser) {
  if (!probes.has(browser)) probes.set(browser, browser.newContext().then((context) => context.newPage()));
  return probes.get(browser);
}

/** A browser context; use this instead of browser.newContext so checkA11y knows about it. */
export async function openContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  if (options.javaScriptEnabled === false) scriptless.add(context);
  context.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() === 'document' && request.frame() === request.frame().page().mainFrame()) {
      documents.set(request.frame().page(), response);
    }
  });
  return context;
}

/** Presses Tab until `locator` has the focus, as someone on a keyboard does; fails after 300. */
export async function tabTo(page, locator) {
  for (let i = 0; i < 300; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail('Tab never reached the element');
}

/** A unique address for a person in one test. */
export function uniqueEmail(prefix) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.nl`;
}

/**
 * Runs axe-core (WCAG 2.0/2.1, A and AA) on the page and fails, listing every violation, when
 * it finds any. axe-core is a script and cannot run in a page without JavaScript, so a page of
 * a scriptless context is checked as a copy of its HTML at the same address (its stylesheets
 * load from the app) in a JavaScript-enabled context.
 */
export async function checkA11y(page, label) {
  await keepHtml(page, label);
  let target = page;
  if (scriptless.has(page.context())) {
    const html = await page.content();
    const address = page.url().split('#')[0];
    target = await probePage(page.context().browser());
    await target.unrouteAll();
    await target.route(
      (url) => url.href.split('#')[0] === address,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await target.goto(address);
  }
  try {
    const results = await new AxeBuilder({ page: target })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    assert.ok(results.passes.length > 0, `axe checked nothing on ${label}`);
    const report = results.violations.map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.html}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    );
    if (report.length > 0) {
      assert.fail(`axe found ${report.length} violation(s) on ${label} (${page.url()}):\n${report.join('\n')}`);
    }
  } finally {
    if (target !== page) await target.unrouteAll();
  }
}

/** Saves the HTML the app sent `page` last, with its address and label, for the HTML check. */
export async function keepHtml(page, label) {
  const response = documents.get(page);
  if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
  const body = await response.text().catch(() => null);
  if (body === null) return;
  mkdirSync(HTML_DIR, { recursive: true });
  checked += 1;
  const name = `${process.pid}-${String(checked).padStart(3, '0')}.html`;
  writeFileSync(join(HTML_DIR, name), body);
  writeFileSync(join(HTML_DIR, `${name}.txt`), `${label} — ${response.url()}\n`);
}

/**
 * Creates an account through the registration form (the form itself is tested in
 * collaboration.test.mjs), activates it with the link from the mail, and leaves `page` logged
 * in as that person, in `lang`.
 */
export async function registerAccount(page, app, { name, email, lang = 'nl' }) {
  await page.goto(`${app.base}/register`);
  const form = page.locator('form[action="/register"]');
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.locator('select[name="language"]').selectOption(lang);
  await form.locator('button[type="submit"]').click();
  await activateAccount(page, app, email);
}

/** Opens the activation link mailed to `email` in `page` and activates the account. */
export async function activateAccount(page, app, email) {
  await page.goto(linkIn(await latestMail(app.mailDir, email, '/register/confirm'), '/register/confirm'));
  await page.locator('form[action="/register/confirm"] button[type="submit"]').click();
  await page.locator('form[action="/logout"]').waitFor();
}

/**
 * Logs `page` in as the installation's platform administrator, who must use two-step login:
 * the first time they are led through enrolling (the secret kept on `app`), later logins give
 * a code, each for a later 30-second step than the last (a code works once).
 */
export async function logInAsAdmin(page, app) {
  await page.goto(`${app.base}/login`);
  const login = page.locator('form[action="/login"]');
  await login.locator('input[name="email"]').fill(app.admin.email);
  await login.locator('input[name="password"]').fill(app.admin.password);
  await login.locator('button[type="submit"]').click();
  await page.waitForURL(/\/(login\/code|account\/two-factor)$/);
  const nextStep = async (ahead) => {
    let step = Math.floor(Date.now() / 30_000) + ahead;
    while (step <= (app.adminLastStep ?? 0)) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      step = Math.floor(Date.now() / 30_000) + ahead;
    }
    app.adminLastStep = step;
    return app.adminTotp.generate({ timestamp: step * 30_000 });
  };
  if (page.url().endsWith('/account/two-factor')) {
    await page.locator('form[action="/account/two-factor"] button[type="submit"]').click();
    const secret = (await page.locator('.ss-secret').textContent()).replace(/\s+/g, '');
    app.adminTotp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    const confirm = page.locator('form[action="/account/two-factor/confirm"]');
    await confirm.locator('input[name="code"]').fill(await nextStep(0));
    await confirm.locator('button[type="submit"]').click();
    await page.locator('.ss-recovery-codes').waitFor();
  } else {
    const form = page.locator('form[action="/login/code"]');
    await form.locator('input[name="code"]').fill(await nextStep(1));
    await form.locator('button[type="submit"]').click();
  }
  await page.locator('form[action="/logout"]').waitFor();
}

/**
 * Verifies the municipality called `name` as the installation's platform administrator does
 * (a municipality someone adds waits for that), in a browser context of its own that stays
 * logged in for the rest of the test file.
 */
export async function verifyMunicipality(browser, app, name) {
  if (!app.adminPage || app.adminPage.isClosed()) {
    const context = await openContext(browser, { locale: 'nl-NL' });
    app.adminPage = await context.newPage();
    await logInAsAdmin(app.adminPage, app);
  }
  const page = app.adminPage;
  await page.goto(`${app.base}/admin/municipalities`);
  await checkA11y(page, 'municipalities waiting for verification');
  await page.getByRole('button', { name: `${name} verifiëren`, exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'De gemeente is geverifieerd.' }).waitFor();
}
