// Forms and where they come from, in a real browser: a page on another website that submits a
// form to Samenspel is refused and nothing of it comes back; a form of ours whose session
// changed meanwhile (logged out and in again in another tab) opens again with what was typed
// filled in visibly, and sending it then works. With and without JavaScript, in both languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { PASSWORD, checkA11y, launchBrowser, openContext, registerAccount, uniqueEmail } from './browser.mjs';

const TEXT = {
  nl: {
    locale: 'nl-NL',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    login: 'Inloggen',
    logout: (name) => `Uitloggen (${name})`,
    orgName: 'Naam van de organisatie',
    partner: 'Partner',
    submit: 'Organisatie toevoegen',
    refilled: 'We hebben het formulier opnieuw geopend en uw invoer teruggezet.',
    created: 'De organisatie is toegevoegd. U bent de beheerder.',
    otherSite: 'Verzoek van een andere website geweigerd',
  },
  en: {
    locale: 'en-GB',
    email: 'Email address',
    password: 'Password',
    login: 'Log in',
    logout: (name) => `Log out (${name})`,
    orgName: 'Name of the organisation',
    partner: 'Partner',
    submit: 'Add organisation',
    refilled: 'We have opened the form again and put back what you entered.',
    created: 'The organisation has been added. You are its administrator.',
    otherSite: 'Request from another website refused',
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

for (const [lang, javaScriptEnabled] of [
  ['nl', true],
  ['en', false],
]) {
  const t = TEXT[lang];
  const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test(`an expired form opens again filled in (${lang}, ${how})`, async () => {
    const context = await openContext(browser, { javaScriptEnabled, locale: t.locale });
    const page = await context.newPage();
    const name = `Sanne Visser ${lang}`;
    const email = uniqueEmail(`expired-${lang}`);
    await registerAccount(page, app, { name, email, lang });

    await page.goto(`${app.base}/organisations/new`);
    await page.getByLabel(t.partner, { exact: true }).check();
    const orgName = `Energiecoöperatie Zonnedal ${lang}`;
    await page.getByLabel(t.orgName, { exact: true }).fill(orgName);

    // In another tab the person logs out and in again: the open form's token is now stale.
    const other = await context.newPage();
    await other.goto(`${app.base}/`);
    await other.getByRole('button', { name: t.logout(name), exact: true }).click();
    await other.getByRole('link', { name: t.login, exact: true }).first().waitFor();
    await other.goto(`${app.base}/login`);
    await other.getByLabel(t.email, { exact: true }).fill(email);
    await other.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: t.login, exact: true }).click();
    await other.getByRole('button', { name: t.logout(name), exact: true }).waitFor();
    await other.close();

    const response = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: t.submit, exact: true }).click(),
    ]).then(([r]) => r);
    assert.equal(response.status(), 403);
    await page.getByText(t.refilled).waitFor();
    assert.equal(await page.getByLabel(t.orgName, { exact: true }).inputValue(), orgName);
    assert.ok(await page.getByLabel(t.partner, { exact: true }).isChecked());
    await checkA11y(page, 'expired form, opened again');

    await page.getByRole('button', { name: t.submit, exact: true }).click();
    await page.getByText(t.created).waitFor();
    await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await context.close();
  });

  test(`a form sent by another website is refused (${lang})`, async () => {
    const context = await openContext(browser, { javaScriptEnabled: true, locale: t.locale });
    const page = await context.newPage();
    const name = `Joost de Vries ${lang}`;
    await registerAccount(page, app, { name, email: uniqueEmail(`crosssite-${lang}`), lang });

    // A page elsewhere that submits a form to Samenspel as soon as it opens.
    await page.route('http://elders.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Prijsvraag</title>
          <form id="f" method="post" action="${app.base}/organisations/new">
            <input type="hidden" name="kind" value="partner">
            <input type="hidden" name="name" value="Aanvaller BV">
          </form><script>document.getElementById('f').submit()</script>`,
      }),
    );
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(app.base) && r.request().method() === 'POST'),
      page.goto('http://elders.example/prijs.html'),
    ]);
    assert.equal(response.status(), 403);
    await page.getByRole('heading', { level: 1, name: t.otherSite }).waitFor();
    assert.equal(await page.locator('form[action$="/organisations/new"]').count(), 0);
    assert.ok(!(await page.content()).includes('Aanvaller BV'));
    await checkA11y(page, 'request from another website');

    await page.goto(`${app.base}/organisations`);
    assert.ok(!(await page.content()).includes('Aanvaller BV'));
    await context.close();
  });
}
