// The areas of a municipality and its registry of resident initiatives, as people use them in a
// browser. Mapping and searching in Dutch and in English, each with JavaScript on and off: a
// municipality person registers (choosing the language on the form), adds a municipality, sets
// its CBS code (a bad one first), imports its wijken and buurten (a good CSV, a CSV with a bad
// row, then a GeoJSON with outlines for the map), maps an initiative (refused without a theme
// first), and finds it in the registry by a word and a theme. Claiming, in Dutch with
// JavaScript on: the municipality invites the initiative's contact person, who accepts, makes
// the profile public, and a visitor without an account reads it. axe-core checks the pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, latestMail, linkIn } from './server.mjs';
import { PASSWORD, activateAccount, checkA11y, launchBrowser, openContext, tabTo, uniqueEmail, verifyMunicipality } from './browser.mjs';

// The texts the test looks for, from locales/{nl,en}/{main,registry}.ftl.
const TEXT = {
  nl: {
    locale: 'nl-NL',
    // main.ftl
    nav: 'Hoofdmenu',
    name: 'Naam',
    email: 'E-mailadres',
    newPassword: 'Nieuw wachtwoord',
    language: 'Taal',
    register: 'Account aanmaken',
    welcome: (name) => `Welkom, ${name}`,
    login: 'Inloggen',
    newOrgLink: 'Organisatie toevoegen',
    newOrgSubmit: 'Organisatie toevoegen',
    orgName: 'Naam van de organisatie',
    municipality: 'Gemeente',
    orgCreated: 'De gemeente is toegevoegd. Een beheerder van Samenspel gaat na of u namens deze gemeente werkt; tot dan kunt u alleen collega’s uitnodigen.',
    formHasErrors: 'Controleer het formulier',
    badCode: 'Een gemeentecode bestaat uit GM en vier cijfers, zoals GM0363.',
    wrongDistrict: 'De buurtcode past niet bij de wijkcode op dezelfde regel.',
    invitationTitle: 'Uitnodiging',
    accept: 'Uitnodiging accepteren',
    accepted: 'Welkom! U bent nu lid.',
    // registry.ftl
    municipalityNav: 'Onderdelen van de gemeente',
    areasLink: 'Wijken en buurten',
    registryLink: 'Initiatieven',
    areasTitle: (m) => `Wijken en buurten van ${m}`,
    codeIs: (code) => `CBS-code ${code}`,
    areasCounts: (d, b) => `Wijken: ${d} · Buurten: ${b}`,
    areasCaption: 'Wijken met hun buurten, op volgorde van CBS-code, en het aantal initiatieven dat er actief is',
    neighbourhoodIn: (d) => `Buurt in ${d}`,
    municipalityCode: 'CBS-code van de gemeente',
    saveCode: 'Gemeentecode opslaan',
    codeSaved: 'De CBS-code van de gemeente is opgeslagen.',
    importLink: 'Wijken en buurten importeren uit een bestand van het CBS',
    importTitle: (m) => `Wijken en buurten importeren voor ${m}`,
    importBack: 'Terug naar de wijken en buurten',
    file: 'Bestand',
    importSubmit: 'Importeren',
    importDone: 'Het importeren is gelukt',
    created: (n) => `Nieuwe gebieden: ${n}.`,
    updated: (n) => `Bijgewerkt: ${n}.`,
    importFailed: 'Er is niets geïmporteerd',
    badRows: (n) => `Regels met een fout: ${n}.`,
    rowsCaption: 'Regels die we niet kunnen importeren, met de reden',
    registryTitle: (m) => `Bewonersinitiatieven in ${m}`,
    registryNone: 'Er staan nog geen initiatieven in dit register.',
    mapTitle: 'Initiatief in kaart brengen',
    initiativeName: 'Naam van het initiatief',
    description: 'Beschrijving',
    themes: "Thema's",
    heat: 'Warmte',
    contactEmail: 'E-mailadres van de contactpersoon',
    areas: 'Wijken en buurten waar het initiatief actief is',
    mapSubmit: 'Initiatief toevoegen aan het register',
    themesRequired: 'Kies minstens één thema.',
    mapped: 'Het initiatief staat nu in het register.',
    mappedBy: (m) => `In kaart gebracht door ${m}`,
    unclaimed: 'Nog niet overgenomen door het initiatief',
    profileStatus: 'Status van het profiel',
    backToRegistry: (m) => `Terug naar het register van ${m}`,
    searchForm: 'Initiatieven zoeken',
    search: 'Zoek op naam of beschrijving',
    theme: 'Thema',
    searchSubmit: 'Zoeken',
    found: (n) => `Gevonden initiatieven: ${n}`,
    noneFiltered: 'Geen initiatieven gevonden met deze zoekwoorden en filters. Pas ze aan of wis de filters.',
    export: 'Download deze selectie als CSV-bestand',
    csvHeader: "Naam;Beschrijving;Thema's",
    byAreaCaption: 'Aantal initiatieven per wijk en buurt',
    listedByDistrict: 'Deze gemeente heeft veel buurten. De tabel toont eerst de wijken; open een wijk om haar buurten te zien.',
    showNeighbourhoods: (d, n) => `Buurten van ${d} tonen (${n})`,
    area: 'Gebied',
    areaHint: 'Eerst staan alleen de wijken in de lijst. Kies een wijk en klik op Zoeken: daarna kunt u ook een van haar buurten kiezen.',
    choicesFolded: 'Deze gemeente heeft veel buurten. Kies een hele wijk, of open een wijk om een of meer van haar buurten te kiezen.',
    neighbourhoodsOf: (d, n) => `Buurten van ${d} (${n})`,
    claimSection: 'Het initiatief het profiel laten overnemen',
    claimSubmit: 'Uitnodiging versturen',
    claimInvited: 'De uitnodiging is verstuurd. Wie de uitnodiging accepteert, wordt beheerder van het initiatief.',
    profileLink: 'Profiel van het initiatief',
    editProfile: 'Profiel bewerken',
    editTitle: (name) => `Profiel van ${name} bewerken`,
    public: 'Profiel openbaar maken',
    saveProfile: 'Profiel opslaan',
    profileSaved: 'Het profiel is opgeslagen.',
    publicMeta: 'openbaar profiel',
    // The initiative's description and a word of it to search for.
    about: 'Wij leggen zonnepanelen op het dak van de kantine en isoleren het clubhuis.',
    word: 'kantine',
    absent: 'tennisbaan',
  },
  en: {
    locale: 'en-GB',
    nav: 'Main menu',
    name: 'Name',
    email: 'Email address',
    newPassword: 'New password',
    language: 'Language',
    register: 'Create account',
    welcome: (name) => `Welcome, ${name}`,
    login: 'Log in',
    newOrgLink: 'Add an organisation',
    newOrgSubmit: 'Add organisation',
    orgName: 'Name of the organisation',
    municipality: 'Municipality',
    orgCreated: 'The municipality has been added. A Samenspel administrator will check that you work for it; until then you can only invite colleagues.',
    formHasErrors: 'Please check the form',
    badCode: 'A municipality code is GM followed by four digits, such as GM0363.',
    wrongDistrict: 'The neighbourhood code does not match the district code on the same row.',
    invitationTitle: 'Invitation',
    accept: 'Accept invitation',
    accepted: 'Welcome! You are now a member.',
    municipalityNav: 'Parts of the municipality',
    areasLink: 'Districts and neighbourhoods',
    registryLink: 'Initiatives',
    areasTitle: (m) => `Districts and neighbourhoods of ${m}`,
    codeIs: (code) => `CBS code ${code}`,
    areasCounts: (d, b) => `Districts: ${d} · Neighbourhoods: ${b}`,
    areasCaption: 'Districts with their neighbourhoods, in order of CBS code, and the number of initiatives active in each',
    neighbourhoodIn: (d) => `Neighbourhood in ${d}`,
    municipalityCode: "The municipality's CBS code",
    saveCode: 'Save municipality code',
    codeSaved: "The municipality's CBS code has been saved.",
    importLink: 'Import districts and neighbourhoods from a CBS file',
    importTitle: (m) => `Import districts and neighbourhoods for ${m}`,
    importBack: 'Back to the districts and neighbourhoods',
    file: 'File',
    importSubmit: 'Import',
    importDone: 'The import succeeded',
    created: (n) => `New areas: ${n}.`,
    updated: (n) => `Updated: ${n}.`,
    importFailed: 'Nothing was imported',
    badRows: (n) => `Rows with an error: ${n}.`,
    rowsCaption: 'Rows that cannot be imported, with the reason',
    registryTitle: (m) => `Resident initiatives in ${m}`,
    registryNone: 'There are no initiatives in this registry yet.',
    mapTitle: 'Map an initiative',
    initiativeName: 'Name of the initiative',
    description: 'Description',
    themes: 'Themes',
    heat: 'Heat',
    contactEmail: 'Email address of the contact person',
    areas: 'Districts and neighbourhoods where the initiative is active',
    mapSubmit: 'Add the initiative to the registry',
    themesRequired: 'Choose at least one theme.',
    mapped: 'The initiative is now in the registry.',
    mappedBy: (m) => `Mapped by ${m}`,
    unclaimed: 'Not yet taken over by the initiative',
    profileStatus: 'Status of the profile',
    backToRegistry: (m) => `Back to the registry of ${m}`,
    searchForm: 'Search initiatives',
    search: 'Search by name or description',
    theme: 'Theme',
    searchSubmit: 'Search',
    found: (n) => `Initiatives found: ${n}`,
    noneFiltered: 'No initiatives match these search words and filters. Change them or clear the filters.',
    export: 'Download this selection as a CSV file',
    csvHeader: 'Name;Description;Themes',
    byAreaCaption: 'Number of initiatives per district and neighbourhood',
    listedByDistrict: 'This municipality has many neighbourhoods. The table shows the districts first; open a district to see its neighbourhoods.',
    showNeighbourhoods: (d, n) => `Show the neighbourhoods of ${d} (${n})`,
    area: 'Area',
    areaHint: 'At first the list holds only the districts. Choose a district and press Search: you can then also choose one of its neighbourhoods.',
    choicesFolded: 'This municipality has many neighbourhoods. Choose a whole district, or open a district to choose one or more of its neighbourhoods.',
    neighbourhoodsOf: (d, n) => `Neighbourhoods of ${d} (${n})`,
    claimSection: 'Let the initiative take over the profile',
    claimSubmit: 'Send invitation',
    claimInvited: "The invitation has been sent. Whoever accepts it becomes the initiative's administrator.",
    profileLink: "The initiative's profile",
    editProfile: 'Edit profile',
    editTitle: (name) => `Edit the profile of ${name}`,
    public: 'Make the profile public',
    saveProfile: 'Save profile',
    profileSaved: 'The profile has been saved.',
    publicMeta: 'public profile',
    about: 'We put solar panels on the roof of the canteen and insulate the clubhouse.',
    word: 'canteen',
    absent: 'tennis',
  },
};
const OTHER = { nl: 'en', en: 'nl' };

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

/** A context that reaches only the app: map tiles (or anything else outside) fail at once. */
async function appContext(options) {
  const context = await openContext(browser, options);
  await context.route((url) => url.origin !== app.base, (route) => route.abort());
  return context;
}

async function expectLang(page, lang) {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/** Waits for the one-time message (role=status) after an action. */
async function expectFlash(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

async function expectHeading(page, name, level = 1) {
  await page.getByRole('heading', { level, name, exact: true }).waitFor();
}

/** The text of an element, with runs of white space made one space. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Registers `name` with the form in the browser's language (`formLang`), choosing `lang` in
 * the form's language field, and adds a municipality. Returns the page on the organisation.
 */
async function municipalityPerson(context, { formLang, lang, name, email, orgName }) {
  const f = TEXT[formLang];
  const t = TEXT[lang];
  const page = await context.newPage();
  await page.goto(`${app.base}/`);
  await expectLang(page, formLang);
  await page.getByRole('navigation', { name: f.nav }).getByRole('link', { name: f.register, exact: true }).click();
  await expectHeading(page, f.register);
  await page.getByLabel(f.name, { exact: true }).fill(name);
  await page.getByLabel(f.email, { exact: true }).fill(email);
  await page.getByLabel(f.newPassword, { exact: true }).fill(PASSWORD);
  await page.getByLabel(f.language, { exact: true }).selectOption(lang);
  await page.getByRole('button', { name: f.register, exact: true }).click();
  await activateAccount(page, app, email);
  await expectHeading(page, t.welcome(name));
  await expectLang(page, lang);

  await page.getByRole('main').getByRole('link', { name: t.newOrgLink, exact: true }).click();
  await page.getByLabel(t.municipality, { exact: true }).check();
  await page.getByLabel(t.orgName, { exact: true }).fill(orgName);
  await page.getByRole('button', { name: t.newOrgSubmit, exact: true }).click();
  await expectHeading(page, orgName);
  await expectFlash(page, t.orgCreated);
  await verifyMunicipality(browser, app, orgName);
  await page.reload();
  return page;
}

// The areas of one municipality: two wijken, three buurten.
function areasOf(code) {
  return {
    districts: [
      { code: `WK${code}01`, name: 'Centrum', lon: 5.10 },
      { code: `WK${code}02`, name: 'Noord', lon: 5.20 },
    ],
    neighbourhoods: [
      { code: `BU${code}0101`, district: `WK${code}01`, districtName: 'Centrum', name: 'Oude Kern', lon: 5.10 },
      { code: `BU${code}0102`, district: `WK${code}01`, districtName: 'Centrum', name: 'De Linde', lon: 5.15 },
      { code: `BU${code}0201`, district: `WK${code}02`, districtName: 'Noord', name: 'Populierenbuurt', lon: 5.20 },
    ],
  };
}

function csvFile(name, code, rows) {
  const lines = [
    'gemeentecode;gemeentenaam;wijkcode;wijknaam;buurtcode;buurtnaam',
    ...rows.map((r) => `GM${code};Zonnedal;${r.district};${r.districtName};${r.code};${r.name}`),
  ];
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

/** A GeoJSON FeatureCollection with a square outline for every area. */
function geojsonFile(code) {
  const { districts, neighbourhoods } = areasOf(code);
  const square = (lon, size) => [[[lon, 52.0], [lon + size, 52.0], [lon + size, 52.0 + size], [lon, 52.0 + size], [lon, 52.0]]];
  const features = [
    ...districts.map((d) => ({
      type: 'Feature',
      properties: { gemeentecode: `GM${code}`, wijkcode: d.code, wijknaam: d.name },
      geometry: { type: 'Polygon', coordinates: square(d.lon, 0.1) },
    })),
    ...neighbourhoods.map((b) => ({
      type: 'Feature',
      properties: { gemeentecode: `GM${code}`, wijkcode: b.district, buurtcode: b.code, buurtnaam: b.name },
      geometry: { type: 'MultiPolygon', coordinates: [square(b.lon, 0.04)] },
    })),
  ];
  return {
    name: 'buurten.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
  };
}

/** With script the map (.ss-map) is drawn by Leaflet; without it the element stays hidden. */
async function expectMap(page, javaScriptEnabled, where) {
  const map = page.locator('.ss-map');
  assert.equal(await map.count(), 1, `one map on ${where}`);
  if (javaScriptEnabled) {
    await map.waitFor({ state: 'visible' });
    assert.match(await map.getAttribute('class'), /\bleaflet-container\b/, `Leaflet draws the map on ${where}`);
    await page.locator('.ss-map path.leaflet-interactive').first().waitFor({ state: 'attached' });
  } else {
    assert.ok(await map.isHidden(), `the map stays hidden without script on ${where}`);
  }
}

const RUNS = [
  ['nl', true, '9901'],
  ['nl', false, '9902'],
  ['en', true, '9903'],
  ['en', false, '9904'],
];

for (const [lang, javaScriptEnabled, code] of RUNS) {
  const js = javaScriptEnabled ? 'js' : 'nojs';
  test(`areas and registry in ${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, { timeout: 150_000 }, async () => {
    const t = TEXT[lang];
    const orgName = `Gemeente Zonnedal ${lang} ${js}`;
    const initiative = `Sportclub De Kuil ${lang} ${js}`;
    const { districts, neighbourhoods } = areasOf(code);

    // The browser asks for the other language; the person chooses theirs on the form.
    const context = await appContext({ javaScriptEnabled, locale: TEXT[OTHER[lang]].locale });
    const page = await municipalityPerson(context, {
      formLang: OTHER[lang],
      lang,
      name: `Projectleider ${lang} ${js}`,
      email: uniqueEmail(`pl-${lang}-${js}`),
      orgName,
    });

    // The organisation page leads to the areas page.
    await page.getByRole('main').getByRole('link', { name: t.areasLink, exact: true }).click();
    await expectHeading(page, t.areasTitle(orgName));
    const municipality = page.url().match(/\/municipalities\/(\d+)\/areas$/)?.[1];
    assert.ok(municipality, `areas page address: ${page.url()}`);

    // A bad code is explained, in the summary and at the field, and kept.
    const codeInput = page.getByLabel(t.municipalityCode, { exact: true });
    await codeInput.fill('GM12');
    await page.getByRole('button', { name: t.saveCode, exact: true }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.formHasErrors }) });
    await summary.getByRole('link', { name: t.badCode, exact: true }).waitFor();
    assert.equal(await summary.getByRole('link', { name: t.badCode, exact: true }).getAttribute('href'), '#field-code');
    assert.equal(await codeInput.inputValue(), 'GM12');
    assert.equal(await codeInput.getAttribute('aria-invalid'), 'true');
    const described = (await codeInput.getAttribute('aria-describedby')).split(/\s+/);
    const fieldError = page.locator(`[id="${described.find((id) => id.endsWith('-error'))}"]`);
    assert.equal(await textOf(fieldError), t.badCode, 'the field is described by its error');
    await checkA11y(page, 'areas, bad code');

    // A good code is saved.
    await codeInput.fill(`GM${code}`);
    await page.getByRole('button', { name: t.saveCode, exact: true }).click();
    await expectFlash(page, t.codeSaved);
    assert.equal(await page.getByLabel(t.municipalityCode, { exact: true }).inputValue(), `GM${code}`);
    await page.getByText(t.codeIs(`GM${code}`)).waitFor();

    // A good CSV imports every wijk and buurt.
    await page.getByRole('link', { name: t.importLink, exact: true }).click();
    await expectHeading(page, t.importTitle(orgName));
    const fileInput = page.getByLabel(t.file, { exact: true });
    await fileInput.setInputFiles(csvFile('buurten.csv', code, neighbourhoods));
    await page.getByRole('button', { name: t.importSubmit, exact: true }).click();
    const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: t.importDone }) });
    await done.waitFor();
    assert.ok((await textOf(done)).includes(t.created(districts.length + neighbourhoods.length)), await textOf(done));

    // A CSV with a bad row imports nothing and names the row (the header is row 1).
    const wrong = { code: `BU${code}0201`, district: `WK${code}01`, districtName: 'Centrum', name: 'Verkeerd' };
    await fileInput.setInputFiles(csvFile('fout.csv', code, [neighbourhoods[0], wrong]));
    await page.getByRole('button', { name: t.importSubmit, exact: true }).click();
    const failed = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.importFailed }) });
    await failed.waitFor();
    assert.ok((await textOf(failed)).includes(t.badRows(1)), await textOf(failed));
    const errorTable = page.getByRole('table', { name: t.rowsCaption });
    const errorRows = errorTable.getByRole('row');
    assert.equal(await errorRows.count(), 2, 'the header row and one bad row');
    assert.deepEqual(
      await errorRows.nth(1).getByRole('cell').allInnerTexts(),
      ['3', t.wrongDistrict, wrong.code],
    );
    await checkA11y(page, 'import with errors');

    // A GeoJSON file of the same areas adds their outlines.
    await fileInput.setInputFiles(geojsonFile(code));
    await page.getByRole('button', { name: t.importSubmit, exact: true }).click();
    await done.waitFor();
    assert.ok((await textOf(done)).includes(t.updated(districts.length + neighbourhoods.length)), await textOf(done));

    // The areas page lists them, and with script draws them on the map.
    await page.getByRole('link', { name: t.importBack, exact: true }).click();
    await expectHeading(page, t.areasTitle(orgName));
    await page.getByText(t.areasCounts(districts.length, neighbourhoods.length)).waitFor();
    const areasTable = page.getByRole('table', { name: t.areasCaption });
    for (const b of neighbourhoods) {
      const row = areasTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: b.name, exact: true }) });
      await row.getByRole('cell', { name: b.code, exact: true }).waitFor();
      await row.getByRole('cell', { name: t.neighbourhoodIn(b.districtName), exact: true }).waitFor();
    }
    assert.equal(await areasTable.getByRole('rowheader', { name: 'Verkeerd' }).count(), 0, 'nothing of the bad file');
    await expectMap(page, javaScriptEnabled, 'the areas page');
    await checkA11y(page, 'areas, imported');

    // The registry is the other part of the municipality; it is empty.
    await page.getByRole('navigation', { name: t.municipalityNav }).getByRole('link', { name: t.registryLink, exact: true }).click();
    await expectHeading(page, t.registryTitle(orgName));
    await page.getByText(t.registryNone, { exact: true }).waitFor();

    // Mapping without a theme is refused, with the input kept.
    await page.getByRole('link', { name: t.mapTitle, exact: true }).click();
    await expectHeading(page, t.mapTitle);
    await page.getByLabel(t.initiativeName, { exact: true }).fill(initiative);
    await page.getByLabel(t.description, { exact: true }).fill(t.about);
    await page.getByRole('group', { name: t.areas }).getByLabel('De Linde', { exact: true }).check();
    await page.getByRole('button', { name: t.mapSubmit, exact: true }).click();
    const mapSummary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.formHasErrors }) });
    await mapSummary.getByRole('link', { name: t.themesRequired, exact: true }).waitFor();
    assert.equal(await page.getByLabel(t.initiativeName, { exact: true }).inputValue(), initiative);
    assert.equal(await page.getByLabel(t.description, { exact: true }).inputValue(), t.about);
    assert.ok(await page.getByLabel('De Linde', { exact: true }).isChecked(), 'the ticked area stays ticked');
    const themes = page.getByRole('group', { name: t.themes });
    await themes.getByText(t.themesRequired, { exact: true }).waitFor();
    await checkA11y(page, 'map form with errors');

    // With a theme it is mapped, and its profile shows it.
    await themes.getByLabel(t.heat, { exact: true }).check();
    await page.getByRole('button', { name: t.mapSubmit, exact: true }).click();
    await expectFlash(page, t.mapped);
    await expectHeading(page, initiative);
    const profileUrl = page.url();
    assert.match(profileUrl, /\/initiatives\/\d+$/);
    await page.getByText(t.about, { exact: true }).waitFor();
    const status = page.getByRole('list', { name: t.profileStatus });
    await status.getByRole('listitem').filter({ hasText: t.mappedBy(orgName) }).waitFor();
    await status.getByRole('listitem').filter({ hasText: t.unclaimed }).waitFor();
    await page.locator('.ss-tag', { hasText: t.heat }).first().waitFor();
    assert.equal(await textOf(page.locator('dd', { hasText: `BU${code}0102` })), `De Linde (BU${code}0102)`);
    await checkA11y(page, 'profile, just mapped');

    // Back in the registry: found by a word of the description and its theme.
    await page.getByRole('link', { name: t.backToRegistry(orgName), exact: true }).click();
    await expectHeading(page, t.registryTitle(orgName));
    const search = page.getByRole('search', { name: t.searchForm });
    await search.getByLabel(t.search, { exact: true }).fill(t.word);
    await search.getByLabel(t.theme, { exact: true }).selectOption({ label: `${t.heat} (1)` });
    await search.getByRole('button', { name: t.searchSubmit, exact: true }).click();
    await expectHeading(page, t.found(1), 2);
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get('q'), t.word);
    assert.equal(query.get('theme'), 'heat');
    assert.equal(await search.getByLabel(t.search, { exact: true }).inputValue(), t.word, 'the search words stay');
    assert.equal(await search.getByLabel(t.theme, { exact: true }).inputValue(), 'heat', 'the theme stays chosen');
    await page.getByRole('heading', { level: 3 }).getByRole('link', { name: initiative, exact: true }).waitFor();
    const byArea = page.getByRole('table', { name: t.byAreaCaption });
    const linde = byArea.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'De Linde', exact: true }) });
    await linde.getByRole('cell', { name: '1', exact: true }).waitFor();
    await expectMap(page, javaScriptEnabled, 'the registry');

    // The export link carries the same selection and gives a CSV file with the initiative.
    const exportLink = page.getByRole('link', { name: t.export, exact: true });
    const exportUrl = new URL(await exportLink.getAttribute('href'), page.url());
    assert.equal(exportUrl.pathname, `/municipalities/${municipality}/initiatives.csv`);
    assert.equal(exportUrl.searchParams.get('q'), t.word);
    assert.equal(exportUrl.searchParams.get('theme'), 'heat');
    const response = await context.request.get(exportUrl.href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.ok(lines[0].startsWith(t.csvHeader), lines[0]);
    assert.equal(lines.length, 2, `the header and one initiative:\n${lines.join('\n')}`);
    assert.ok(lines[1].startsWith(`${initiative};`), lines[1]);
    assert.ok(lines[1].includes(`BU${code}0102`), lines[1]);
    await checkA11y(page, 'registry, searched');

    // A word that is not there finds nothing.
    await search.getByLabel(t.search, { exact: true }).fill(t.absent);
    await search.getByRole('button', { name: t.searchSubmit, exact: true }).click();
    await expectHeading(page, t.found(0), 2);
    await page.getByText(t.noneFiltered, { exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: initiative, exact: true }).count(), 0);
    await context.close();
  });
}

test('an initiative takes over its mapped profile and makes it public (nl, JavaScript on)', { timeout: 150_000 }, async () => {
  const t = TEXT.nl;
  const orgName = 'Gemeente Beekdal';
  const initiative = 'Energiecoöperatie Beekdal Zon';
  const contact = uniqueEmail('bestuur-zon');

  // The municipality maps the initiative, with its contact person's address.
  const municipalityContext = await appContext({ locale: t.locale });
  const page = await municipalityPerson(municipalityContext, {
    formLang: 'nl',
    lang: 'nl',
    name: 'Wijkregisseur Beekdal',
    email: uniqueEmail('wijkregisseur'),
    orgName,
  });
  await page.getByRole('main').getByRole('link', { name: t.registryLink, exact: true }).click();
  await expectHeading(page, t.registryTitle(orgName));
  await page.getByRole('link', { name: t.mapTitle, exact: true }).click();
  await page.getByLabel(t.initiativeName, { exact: true }).fill(initiative);
  await page.getByLabel(t.description, { exact: true }).fill('Zonnepanelen op de daken van de school en de sporthal.');
  await page.getByRole('group', { name: t.themes }).getByLabel('Zonne-energie', { exact: true }).check();
  await page.getByLabel(t.contactEmail, { exact: true }).fill(contact);
  await page.getByRole('button', { name: t.mapSubmit, exact: true }).click();
  await expectFlash(page, t.mapped);
  await expectHeading(page, initiative);
  const profileUrl = page.url();

  // A visitor without an account cannot read the profile yet: it is not public.
  const visitorContext = await appContext({ locale: t.locale });
  const visitor = await visitorContext.newPage();
  await visitor.goto(profileUrl);
  await expectHeading(visitor, t.login);
  assert.equal(new URL(visitor.url()).pathname, '/login');

  // The claim form suggests the contact person's address and sends the invitation.
  const claim = page.getByRole('region', { name: t.claimSection });
  assert.equal(await claim.getByLabel(t.email, { exact: true }).inputValue(), contact);
  await claim.getByRole('button', { name: t.claimSubmit, exact: true }).click();
  await expectFlash(page, t.claimInvited);
  const link = linkIn(await latestMail(app.mailDir, contact), '/invitations/');

  // The contact person opens the link, creates an account with that address and accepts.
  const clubContext = await appContext({ locale: t.locale });
  const club = await clubContext.newPage();
  await club.goto(link);
  await expectHeading(club, t.invitationTitle);
  await club.getByRole('main').getByRole('link', { name: t.register, exact: true }).click();
  await expectHeading(club, t.register);
  assert.equal(await club.getByLabel(t.email, { exact: true }).inputValue(), contact);
  await club.getByLabel(t.name, { exact: true }).fill('Femke Zonneveld');
  await club.getByLabel(t.newPassword, { exact: true }).fill(PASSWORD);
  await club.getByRole('button', { name: t.register, exact: true }).click();
  await expectHeading(club, t.invitationTitle);
  await club.getByRole('button', { name: t.accept, exact: true }).click();
  await expectHeading(club, initiative);
  await expectFlash(club, t.accepted);

  // Now theirs: they edit the profile and make it public.
  await club.getByRole('main').getByRole('link', { name: t.profileLink, exact: true }).click();
  await expectHeading(club, initiative);
  assert.equal(await club.getByRole('list', { name: t.profileStatus }).getByText(t.unclaimed).count(), 0, 'taken over');
  await club.getByRole('link', { name: t.editProfile, exact: true }).click();
  await expectHeading(club, t.editTitle(initiative));
  await checkA11y(club, 'profile form of the initiative');
  const publicBox = club.getByLabel(t.public, { exact: true });
  assert.equal(await publicBox.isChecked(), false, 'a mapped profile starts out not public');
  await publicBox.check();
  await club.getByRole('button', { name: t.saveProfile, exact: true }).click();
  await expectFlash(club, t.profileSaved);
  await expectHeading(club, initiative);
  await club.getByText(t.publicMeta).waitFor();

  // The municipality no longer offers the claim.
  await page.reload();
  await expectHeading(page, initiative);
  assert.equal(await page.getByRole('region', { name: t.claimSection }).count(), 0, 'no claim form once claimed');

  // The visitor reads it now.
  await visitor.goto(profileUrl);
  await expectHeading(visitor, initiative);
  await visitor.getByRole('link', { name: contact, exact: true }).waitFor();
  await checkA11y(visitor, 'public profile, read by a visitor');

  await visitorContext.close();
  await clubContext.close();
  await municipalityContext.close();
});

/** The neighbourhoods of a city of 210 areas (3 wijken × 70 buurten) with CBS code `code`. */
function largeCity(code) {
  const neighbourhoods = [];
  for (let w = 1; w <= 3; w += 1) {
    for (let b = 1; b <= 70; b += 1) {
      const n = String(b).padStart(2, '0');
      neighbourhoods.push({ code: `BU${code}0${w}${n}`, district: `WK${code}0${w}`, districtName: `Wijk ${w}`, name: `Buurt ${w}-${n}` });
    }
  }
  return neighbourhoods;
}

// A city of more than 200 areas lists its districts first, and one district's neighbourhoods
// when someone opens it: on the areas page by a link per district, in the registry by choosing
// the district in the area filter, in the mapping form by unfolding it. Keyboard only, without
// JavaScript, in both languages.
for (const [lang, code] of [['nl', '9905'], ['en', '9906']]) {
  test(`a large municipality lists its districts first, in ${lang}, keyboard only, without JavaScript`, { timeout: 150_000 }, async () => {
    const t = TEXT[lang];
    const orgName = `Gemeente Grootstad ${lang}`;
    const context = await appContext({ javaScriptEnabled: false, locale: t.locale });
    const page = await municipalityPerson(context, {
      formLang: lang,
      lang,
      name: `Projectleider Grootstad ${lang}`,
      email: uniqueEmail(`pl-large-${lang}`),
      orgName,
    });
    await page.getByRole('main').getByRole('link', { name: t.areasLink, exact: true }).click();
    await expectHeading(page, t.areasTitle(orgName));
    await page.getByLabel(t.municipalityCode, { exact: true }).fill(`GM${code}`);
    await page.getByRole('button', { name: t.saveCode, exact: true }).click();
    await expectFlash(page, t.codeSaved);
    await page.getByRole('link', { name: t.importLink, exact: true }).click();
    await page.getByLabel(t.file, { exact: true }).setInputFiles(csvFile('grootstad.csv', code, largeCity(code)));
    await page.getByRole('button', { name: t.importSubmit, exact: true }).click();
    await page.getByRole('status').filter({ has: page.getByRole('heading', { name: t.importDone }) }).waitFor();
    await page.getByRole('link', { name: t.importBack, exact: true }).click();
    await expectHeading(page, t.areasTitle(orgName));

    // The districts, with the totals and a link per district; no neighbourhood yet.
    await page.getByText(t.areasCounts(3, 210)).waitFor();
    await page.getByText(t.listedByDistrict, { exact: true }).waitFor();
    const table = page.getByRole('table', { name: t.areasCaption });
    assert.equal(await table.getByRole('rowheader', { name: 'Buurt 2-01', exact: true }).count(), 0);
    await checkA11y(page, 'areas of a large municipality');

    // Tab to the second district's link and open it with Enter.
    await tabTo(page, page.getByRole('link', { name: t.showNeighbourhoods('Wijk 2', 70), exact: true }));
    await page.keyboard.press('Enter');
    await table.getByRole('rowheader', { name: 'Buurt 2-70', exact: true }).waitFor();
    assert.match(page.url(), /\?district=\d+#area_\d+$/);
    assert.equal(await table.getByRole('rowheader', { name: 'Buurt 1-01', exact: true }).count(), 0);
    await page.getByRole('link', { name: t.showNeighbourhoods('Wijk 1', 70), exact: true }).waitFor();
    await checkA11y(page, 'areas of a large municipality, one district open');

    // The registry's area filter offers the districts, described by a hint; choosing one and
    // searching offers its neighbourhoods too.
    await page.getByRole('main').getByRole('link', { name: t.registryLink, exact: true }).click();
    await expectHeading(page, t.registryTitle(orgName));
    const search = page.getByRole('search', { name: t.searchForm });
    const area = search.getByLabel(t.area, { exact: true });
    const described = await area.getAttribute('aria-describedby');
    assert.equal(await textOf(page.locator(`[id="${described}"]`)), t.areaHint);
    assert.equal(await area.locator('option', { hasText: 'Buurt 3-01' }).count(), 0);
    await tabTo(page, area);
    await area.selectOption({ label: 'Wijk 3 (0)' });
    await tabTo(page, search.getByRole('button', { name: t.searchSubmit, exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=\d+/);
    await search.getByLabel(t.area, { exact: true }).locator('option', { hasText: '— Buurt 3-01 (0)' }).waitFor({ state: 'attached' });
    assert.equal(await search.getByLabel(t.area, { exact: true }).locator('option', { hasText: 'Buurt 2-01' }).count(), 0);
    await checkA11y(page, 'registry of a large municipality, a district chosen');

    // Mapping an initiative: each district's neighbourhoods are folded away; opening one with
    // the keyboard shows them, and a ticked neighbourhood keeps its district open when the
    // form comes back with an error (no theme).
    await page.getByRole('link', { name: t.mapTitle, exact: true }).click();
    await expectHeading(page, t.mapTitle);
    const areas = page.getByRole('group', { name: t.areas });
    await areas.getByText(t.choicesFolded, { exact: true }).waitFor();
    const buurt = areas.getByLabel('Buurt 2-05', { exact: true });
    assert.equal(await buurt.isVisible(), false, 'folded away at first');
    await page.getByLabel(t.initiativeName, { exact: true }).fill(`Buurtvereniging Grootstad ${lang}`);
    const wijk2 = areas.getByText(t.neighbourhoodsOf('Wijk 2', 70), { exact: true });
    await tabTo(page, wijk2);
    await page.keyboard.press('Enter');
    await buurt.waitFor({ state: 'visible' });
    await tabTo(page, buurt);
    await page.keyboard.press('Space');
    assert.ok(await buurt.isChecked());
    await checkA11y(page, 'map form of a large municipality, a district open');
    await page.getByRole('button', { name: t.mapSubmit, exact: true }).click();
    await page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.formHasErrors }) }).waitFor();
    const kept = page.getByRole('group', { name: t.areas }).getByLabel('Buurt 2-05', { exact: true });
    assert.ok(await kept.isVisible(), 'its district is open again');
    assert.ok(await kept.isChecked(), 'the ticked neighbourhood stays ticked');
    assert.equal(await page.getByRole('group', { name: t.areas }).getByLabel('Buurt 1-05', { exact: true }).isVisible(), false);
    await context.close();
  });
}
