// Two-step login in a real browser: enrolling (the QR code is read with a QR decoder and must
// carry the secret shown as text), confirming with a code from the secret, the ten recovery
// codes, then logging in with a code and with a recovery code. In Dutch with JavaScript and
// in English without; every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import * as OTPAuth from 'otpauth';
import { startServer } from './server.mjs';
import { PASSWORD, checkA11y, launchBrowser, openContext, registerAccount, uniqueEmail } from './browser.mjs';

const TEXT = {
  nl: {
    locale: 'nl-NL',
    manage: 'Inloggen in twee stappen beheren',
    start: 'Inloggen in twee stappen instellen',
    code: 'Code',
    confirm: 'Code controleren en aanzetten',
    codesTitle: 'Uw herstelcodes',
    logout: (name) => `Uitloggen (${name})`,
    email: 'E-mailadres',
    password: 'Wachtwoord',
    login: 'Inloggen',
    codeTitle: 'Code invullen',
  },
  en: {
    locale: 'en-GB',
    manage: 'Manage two-step login',
    start: 'Set up two-step login',
    code: 'Code',
    confirm: 'Check the code and switch on',
    codesTitle: 'Your recovery codes',
    logout: (name) => `Log out (${name})`,
    email: 'Email address',
    password: 'Password',
    login: 'Log in',
    codeTitle: 'Enter your code',
  },
};

let app;
let browser;
before(async () => {
  app = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** The text a QR code image on the page encodes, read from a screenshot of `locator`. */
async function readQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(found, 'the QR code can be read');
  return found.data;
}

for (const [lang, javaScriptEnabled] of [
  ['nl', true],
  ['en', false],
]) {
  const t = TEXT[lang];
  const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test(`two-step login: enrol, then log in with a code and with a recovery code (${lang}, ${how})`, async () => {
    const context = await openContext(browser, { javaScriptEnabled, locale: t.locale });
    const page = await context.newPage();
    const name = `Anouk Smit ${lang}`;
    const email = uniqueEmail(`totp-${lang}`);
    await registerAccount(page, app, { name, email, lang });

    await page.goto(`${app.base}/account`);
    await page.getByRole('link', { name: t.manage, exact: true }).click();
    await checkA11y(page, 'two-step login, off');
    await page.getByRole('button', { name: t.start, exact: true }).click();
    const secret = (await page.locator('.ss-secret').textContent()).replace(/\s+/g, '');
    const url = await readQr(page.locator('.ss-qr svg'));
    assert.match(url, /^otpauth:\/\/totp\/Samenspel:/);
    assert.equal(new URL(url).searchParams.get('secret'), secret);
    await checkA11y(page, 'two-step login, enrolling');

    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.getByLabel(t.code, { exact: true }).fill(totp.generate());
    await page.getByRole('button', { name: t.confirm, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: t.codesTitle }).waitFor();
    const recovery = await page.locator('.ss-recovery-codes code').allTextContents();
    assert.equal(recovery.length, 10);
    await checkA11y(page, 'two-step login, recovery codes');

    // Logging in: the password, then a code (the next one: the first was used to enrol).
    const logIn = async (code) => {
      await page.getByRole('button', { name: t.logout(name), exact: true }).click();
      await page.goto(`${app.base}/login`);
      await page.getByLabel(t.email, { exact: true }).fill(email);
      await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: t.login, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t.codeTitle }).waitFor();
      await page.getByLabel(t.code, { exact: true }).fill(code);
      await page.getByRole('button', { name: t.login, exact: true }).click();
      await page.getByRole('button', { name: t.logout(name), exact: true }).waitFor();
    };
    await page.goto(`${app.base}/account`);
    await page.getByRole('button', { name: t.logout(name), exact: true }).click();
    await page.goto(`${app.base}/login`);
    await page.getByLabel(t.email, { exact: true }).fill(email);
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t.login, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.codeTitle }).waitFor();
    await checkA11y(page, 'login, the code step');
    await page.getByLabel(t.code, { exact: true }).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: t.login, exact: true }).click();
    await page.getByRole('button', { name: t.logout(name), exact: true }).waitFor();
    await logIn(recovery[0]);
    await context.close();
  });
}
