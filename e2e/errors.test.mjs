// Mistakes in forms: the error summary links to the field, what was typed (except passwords)
// stays, the message is in the reader's language, and the error pages pass axe-core too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { PASSWORD, activateAccount, checkA11y, launchBrowser, openContext, uniqueEmail } from './browser.mjs';

const OTHER = { nl: 'en', en: 'nl' };
const TEXT = {
  nl: {
    locale: 'nl-NL',
    switchButton: 'Nederlands',
    name: 'Naam',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    newPassword: 'Nieuw wachtwoord',
    register: 'Account aanmaken',
    login: 'Inloggen',
    logout: (name) => `Uitloggen (${name})`,
    summary: 'Controleer het formulier',
    loginFailed:
      'Deze combinatie van e-mailadres en wachtwoord kennen we niet. Na een paar verkeerde pogingen kunt u het pas na enkele minuten opnieuw proberen, of vraag een nieuw wachtwoord aan.',
    tooShort: 'Een wachtwoord moet minstens 10 tekens lang zijn.',
  },
  en: {
    locale: 'en-GB',
    switchButton: 'English',
    name: 'Name',
    email: 'Email address',
    password: 'Password',
    newPassword: 'New password',
    register: 'Create account',
    login: 'Log in',
    logout: (name) => `Log out (${name})`,
    summary: 'Please check the form',
    loginFailed:
      'We do not recognise this combination of email address and password. After a few wrong attempts you can only try again after some minutes, or request a new password.',
    tooShort: 'A password must be at least 10 characters long.',
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

/** The error summary (role=alert) with its heading and a link to `field` saying `message`. */
async function expectSummary(page, t, field, message) {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.summary }) });
  await summary.waitFor();
  const link = summary.getByRole('link', { name: message, exact: true });
  assert.equal(await link.getAttribute('href'), `#field-${field}`);
  return link;
}

for (const lang of ['nl', 'en']) {
  const t = TEXT[lang];

  test(`a wrong password (${lang}) is explained, keeps the address and links to the field`, async () => {
    const context = await openContext(browser, { locale: t.locale });
    const page = await context.newPage();
    const name = `Fatima Bakker ${lang}`;
    const email = uniqueEmail(`wrong-${lang}`);

    // An account to log in to.
    await page.goto(`${app.base}/register`);
    await page.getByLabel(t.name, { exact: true }).fill(name);
    await page.getByLabel(t.email, { exact: true }).fill(email);
    await page.getByLabel(t.newPassword, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t.register, exact: true }).click();
    await activateAccount(page, app, email);
    await page.getByRole('button', { name: t.logout(name), exact: true }).click();

    await page.goto(`${app.base}/login`);
    await page.getByLabel(t.email, { exact: true }).fill(email);
    await page.getByLabel(t.password, { exact: true }).fill('dit-is-niet-het-wachtwoord');
    await page.getByRole('button', { name: t.login, exact: true }).click();
    const link = await expectSummary(page, t, 'password', t.loginFailed);
    await checkA11y(page, 'login with a wrong password');

    // The address stays; the password does not; the field says it is the one in error.
    assert.equal(await page.getByLabel(t.email, { exact: true }).inputValue(), email);
    const password = page.getByLabel(t.password, { exact: true });
    assert.equal(await password.inputValue(), '');
    assert.equal(await password.getAttribute('aria-invalid'), 'true');

    // The summary's link leads to the field.
    await link.click();
    assert.ok(page.url().endsWith('#field-password'), page.url());
    assert.ok(await password.evaluate((el) => el === document.activeElement), 'the password field has focus');
    await context.close();
  });

  test(`a too short new password (${lang}) is explained in ${lang}`, async () => {
    // The browser asks for the other language; the reader chooses this one in the header.
    const context = await openContext(browser, { locale: TEXT[OTHER[lang]].locale });
    const page = await context.newPage();
    const name = `Emma de Wit ${lang}`;
    const email = uniqueEmail(`short-${lang}`);

    await page.goto(`${app.base}/register`);
    assert.equal(await page.locator('html').getAttribute('lang'), OTHER[lang]);
    await page.getByRole('banner').getByRole('button', { name: t.switchButton, exact: true }).click();
    await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    assert.ok(page.url().endsWith('/register'), page.url());
    await page.getByLabel(t.name, { exact: true }).fill(name);
    await page.getByLabel(t.email, { exact: true }).fill(email);
    await page.getByLabel(t.newPassword, { exact: true }).fill('kort');
    await page.getByRole('button', { name: t.register, exact: true }).click();
    await expectSummary(page, t, 'password', t.tooShort);
    await checkA11y(page, 'registration with a too short password');

    // The message is also at the field, tied to it, and the other input stays.
    const password = page.getByLabel(t.newPassword, { exact: true });
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    const described = (await password.getAttribute('aria-describedby')).split(/\s+/);
    const messages = await Promise.all(described.map((id) => page.locator(`#${id}`).innerText()));
    assert.ok(messages.includes(t.tooShort), `aria-describedby of the field gives ${JSON.stringify(messages)}`);
    assert.equal(await page.getByLabel(t.name, { exact: true }).inputValue(), name);
    assert.equal(await page.getByLabel(t.email, { exact: true }).inputValue(), email);
    await context.close();
  });
}
