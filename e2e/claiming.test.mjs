// Claiming a mapped profile in English without JavaScript: the municipality maps an
// initiative and searches for it, the initiative takes its profile over through the e-mailed
// invitation and makes it public, and a visitor reads it. axe-core on the pages along the way.
// (registry.test.mjs covers the areas, the import, mapping and searching in both languages.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, latestMail, linkIn } from './server.mjs';
import { PASSWORD, activateAccount, checkA11y, launchBrowser, openContext, registerAccount, uniqueEmail, verifyMunicipality } from './browser.mjs';

// The texts the test looks for, from locales/{nl,en}/*.ftl.
const TEXT = {
  nl: {
    locale: 'nl-NL',
    areasTab: 'Wijken en buurten',
    municipalityCode: 'CBS-code van de gemeente',
    saveCode: 'Gemeentecode opslaan',
    codeSaved: 'De CBS-code van de gemeente is opgeslagen.',
    name: 'Naam van het initiatief',
    description: 'Beschrijving',
    heat: 'Warmte',
    mapSubmit: 'Initiatief toevoegen aan het register',
    mapped: 'Het initiatief staat nu in het register.',
    search: 'Zoek op naam of beschrijving',
    theme: 'Thema',
    searchSubmit: 'Zoeken',
    export: 'Download deze selectie als CSV-bestand',
    claimSubmit: 'Uitnodiging versturen',
    accept: 'Uitnodiging accepteren',
    editProfile: 'Profiel bewerken',
    public: 'Profiel openbaar maken',
    saveProfile: 'Profiel opslaan',
    profileSaved: 'Het profiel is opgeslagen.',
  },
  en: {
    locale: 'en-GB',
    areasTab: 'Districts and neighbourhoods',
    municipalityCode: "The municipality's CBS code",
    saveCode: 'Save municipality code',
    codeSaved: "The municipality's CBS code has been saved.",
    name: 'Name of the initiative',
    description: 'Description',
    heat: 'Heat',
    mapSubmit: 'Add the initiative to the registry',
    mapped: 'The initiative is now in the registry.',
    search: 'Search by name or description',
    theme: 'Theme',
    searchSubmit: 'Search',
    export: 'Download this selection as a CSV file',
    claimSubmit: 'Send invitation',
    accept: 'Accept invitation',
    editProfile: 'Edit profile',
    public: 'Make the profile public',
    saveProfile: 'Save profile',
    profileSaved: 'The profile has been saved.',
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

async function expectFlash(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** A new person with a municipality of their own; returns the page on its organisation page. */
async function municipalityPerson(context, lang, label) {
  const page = await context.newPage();
  await registerAccount(page, app, { name: `Projectleider ${label}`, email: uniqueEmail(`pl-${label}`), lang });
  await page.goto(`${app.base}/organisations/new`);
  await page.locator('[name=kind][value=municipality]').check();
  await page.locator('[name=name]').fill(`Gemeente ${label}`);
  await page.locator('main form button[type=submit]').click();
  await page.getByRole('heading', { level: 1, name: `Gemeente ${label}` }).waitFor();
  await verifyMunicipality(browser, app, `Gemeente ${label}`);
  await page.reload();
  return page;
}

// registry.test.mjs takes over a profile in Dutch with script; this is the English run without.
for (const [lang, javaScriptEnabled, code] of [['en', false, '9906']]) {
  test(`an initiative claims its profile and makes it public, in ${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, { timeout: 120_000 }, async () => {
    const t = TEXT[lang];
    const context = await openContext(browser, { javaScriptEnabled, locale: t.locale });
    const page = await municipalityPerson(context, lang, `claim-${lang}`);
    await page.getByRole('main').getByRole('link', { name: t.areasTab, exact: true }).click();
    await page.getByLabel(t.municipalityCode, { exact: true }).fill(`GM${code}`);
    await page.getByRole('button', { name: t.saveCode }).click();
    await expectFlash(page, t.codeSaved);
    const municipality = page.url().match(/municipalities\/(\d+)/)[1];

    // Map, then search the registry.
    await page.goto(`${app.base}/municipalities/${municipality}/initiatives/new`);
    const contact = uniqueEmail('bestuur');
    await page.getByLabel(t.name, { exact: true }).fill(`Sportclub De Kuil ${lang}`);
    await page.getByLabel(t.description, { exact: true }).fill('Een warmtepomp voor het clubhuis');
    await page.getByLabel(t.heat, { exact: true }).check();
    await page.locator('[name=contact_email]').fill(contact);
    await page.getByRole('button', { name: t.mapSubmit }).click();
    await expectFlash(page, t.mapped);
    const profile = page.url();

    await page.goto(`${app.base}/municipalities/${municipality}/initiatives`);
    await page.getByLabel(t.search, { exact: true }).fill('warmtepomp');
    await page.getByLabel(t.theme, { exact: true }).selectOption('heat');
    await page.getByRole('button', { name: t.searchSubmit, exact: true }).click();
    await page.getByRole('link', { name: `Sportclub De Kuil ${lang}` }).waitFor();
    assert.ok(page.url().includes('q=warmtepomp'));
    const exportLink = page.getByRole('link', { name: t.export });
    assert.match(await exportLink.getAttribute('href'), /initiatives\.csv\?.*theme=heat/);
    await checkA11y(page, 'registry, searched');

    // Invite the contact person, who registers and accepts.
    await page.goto(profile);
    assert.equal(await page.locator('[name=email]').inputValue(), contact, 'the contact address is suggested');
    await page.getByRole('button', { name: t.claimSubmit }).click();
    const link = linkIn(await latestMail(app.mailDir, contact), '/invitations/');
    const club = await openContext(browser, { javaScriptEnabled, locale: t.locale });
    const member = await club.newPage();
    await member.goto(`${app.base}/register`);
    await member.locator('[name=name]').fill('Bestuur De Kuil');
    await member.locator('[name=email]').fill(contact);
    await member.locator('[name=password]').fill(PASSWORD);
    await member.locator('[name=language]').selectOption(lang);
    await member.locator('main form button[type=submit]').click();
    await activateAccount(member, app, contact);
    await member.goto(link);
    await member.getByRole('button', { name: t.accept, exact: true }).click();

    // The club now owns the profile and makes it public.
    await member.goto(profile);
    await member.getByRole('link', { name: t.editProfile }).click();
    await checkA11y(member, 'profile form of the initiative');
    await member.getByLabel(t.public, { exact: true }).check();
    await member.getByRole('button', { name: t.saveProfile }).click();
    await expectFlash(member, t.profileSaved);

    // A visitor without an account reads it.
    const visitor = await openContext(browser, { locale: TEXT[lang === 'nl' ? 'en' : 'nl'].locale, javaScriptEnabled });
    const reader = await visitor.newPage();
    await reader.goto(profile);
    await reader.getByRole('heading', { level: 1, name: `Sportclub De Kuil ${lang}` }).waitFor();
    await checkA11y(reader, 'public profile, read by a visitor');
    await visitor.close();
    await club.close();
    await context.close();
  });
}
