// The platform administrator's pages, as an operator uses them: finding a person and blocking
// them (asked first), and an organisation's page with rename and delete. In Dutch with
// JavaScript and in English without; every page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, logInAsAdmin, openContext, registerAccount, uniqueEmail } from './browser.mjs';

const TEXT = {
  nl: {
    locale: 'nl-NL',
    search: 'Zoek op naam of e-mailadres',
    searchSubmit: 'Zoeken',
    found: 'Eén gebruiker gevonden',
    block: (name) => `${name} blokkeren`,
    confirmBlock: 'Vink aan dat u begrijpt wat blokkeren doet.',
    blocked: 'Het account is geblokkeerd en overal afgemeld.',
    unblock: (name) => `Blokkade van ${name} opheffen`,
    rename: 'Naam opslaan',
    renamed: 'De naam is gewijzigd.',
    orgName: 'Naam van de organisatie',
    deleteOrg: (name) => `${name} verwijderen`,
    deleted: 'De organisatie is verwijderd.',
  },
  en: {
    locale: 'en-GB',
    language: 'English',
    search: 'Search by name or email address',
    searchSubmit: 'Search',
    found: 'One user found',
    block: (name) => `Block ${name}`,
    confirmBlock: 'Tick the box to confirm you understand what blocking does.',
    blocked: 'The account has been blocked and logged out everywhere.',
    unblock: (name) => `Lift the block on ${name}`,
    rename: 'Save name',
    renamed: 'The name has been changed.',
    orgName: 'Name of the organisation',
    deleteOrg: (name) => `Delete ${name}`,
    deleted: 'The organisation has been deleted.',
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

  test(`an operator manages a person and an organisation (${lang}, ${how})`, async () => {
    // Someone to manage, with an organisation of their own.
    const personContext = await openContext(browser, { locale: t.locale });
    const person = await personContext.newPage();
    const name = `Pieter Jansen ${lang}`;
    const email = uniqueEmail(`operated-${lang}`);
    await registerAccount(person, app, { name, email, lang });
    const orgName = `Buurtfonds ${lang}`;
    await person.goto(`${app.base}/organisations/new`);
    await person.locator('[name=kind][value=partner]').check();
    await person.locator('[name=name]').fill(orgName);
    await person.locator('main form button[type=submit]').click();
    await person.getByRole('heading', { level: 1, name: orgName }).waitFor();

    const context = await openContext(browser, { javaScriptEnabled, locale: t.locale });
    const page = await context.newPage();
    // The first time, the platform administrator is led through two-step login.
    await logInAsAdmin(page, app);
    // The operator's account is in Dutch; for the English run they switch in the header.
    if (lang !== 'nl') {
      await page.getByRole('banner').getByRole('button', { name: t.language, exact: true }).click();
      await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    }
    await page.goto(`${app.base}/admin/users`);
    await page.getByLabel(t.search, { exact: true }).fill(email);
    await page.getByRole('button', { name: t.searchSubmit, exact: true }).click();
    await page.getByText(t.found, { exact: true }).waitFor();
    await checkA11y(page, 'users, searched');
    await page.getByRole('link', { name: email, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await checkA11y(page, 'a person');

    // Blocking asks first; once blocked, the person is logged out at once.
    await page.getByRole('button', { name: t.block(name), exact: true }).click();
    await page.getByRole('link', { name: t.confirmBlock }).first().waitFor();
    await checkA11y(page, 'blocking, not confirmed');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: t.block(name), exact: true }).click();
    await page.getByText(t.blocked).waitFor();
    await person.goto(`${app.base}/account`);
    assert.ok(person.url().includes('/login'), person.url());
    await page.getByRole('button', { name: t.unblock(name), exact: true }).click();

    // The organisation: renamed, then deleted (it holds nothing yet).
    await page.goto(`${app.base}/admin/organisations`);
    await page.getByRole('link', { name: orgName, exact: true }).click();
    await checkA11y(page, 'an organisation, for the operator');
    const newName = `${orgName} Zonnedal`;
    await page.getByLabel(t.orgName, { exact: true }).fill(newName);
    await page.getByRole('button', { name: t.rename, exact: true }).click();
    await page.getByText(t.renamed).waitFor();
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: t.deleteOrg(newName), exact: true }).click();
    await page.getByText(t.deleted).waitFor();
    assert.equal(await page.getByRole('link', { name: newName, exact: true }).count(), 0);
    await context.close();
    await personContext.close();
  });
}
