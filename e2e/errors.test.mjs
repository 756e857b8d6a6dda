// Bad input in a browser: the message in the reader's language, the input kept, the error
// summary linking to the field, and no accessibility violations on the error pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, launch, newContext, startApp, unique } from './support.mjs';

let app;
let browser;
before(async () => {
  app = await startApp();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

test('a wrong password keeps the address and points to the field', async () => {
  const context = await newContext(browser, { locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${app.base}/login`);
  await page.getByLabel('E-mailadres').fill('niemand@example.nl');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('dit-klopt-helemaal-niet');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('link', { name: /combinatie van e-mailadres en wachtwoord/ }).waitFor();
  assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'niemand@example.nl');
  assert.equal(await page.getByLabel('Wachtwoord', { exact: true }).inputValue(), '');
  await checkA11y(page, 'login with an error');
  await summary.getByRole('link').first().click();
  assert.ok(page.url().endsWith('#field-password'));
  await context.close();
});

test('a short password at registration is explained in English', async () => {
  const context = await newContext(browser, { locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${app.base}/register`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const email = unique('short');
  await page.getByLabel('Name').fill('Emma Clarke');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('New password').fill('kort');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('A password must be at least 10 characters long.').first().waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'Emma Clarke');
  assert.equal(await page.getByLabel('Email address').inputValue(), email);
  await checkA11y(page, 'registration with an error');
  await context.close();
});

test('an unknown page is explained in the reader\'s language', async () => {
  const context = await newContext(browser, { locale: 'en-GB', javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${app.base}/no-such-page`);
  assert.equal(response.status(), 404);
  await page.getByText('This page does not exist').waitFor();
  await checkA11y(page, 'not found');
  await context.close();
});
