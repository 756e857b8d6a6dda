// The logbook, as the people of the demo's approaches use it in a browser. The project leader
// of Zonnedal (Dutch, JavaScript on) records a project team meeting (refused first, the agenda
// kept), a public decision and an overdue action from it, and an action only the municipality
// may see; the timeline marks the overdue one and the search finds it. The housing association
// (Dutch, no JavaScript), a party of the same approach, reads the meeting and the decision but
// not what the municipality kept to itself, not even through the search. The English-speaking
// warmtegroep (no JavaScript) filters its own approach's logbook to the decisions and opens
// one. A resident without an account (no JavaScript) reads the approach's public page in Dutch
// and English, with the public decision and not the rest, and its Atom feed. axe-core checks
// every page along the way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, openContext } from './browser.mjs';

const DEMO_PASSWORD = 'samen-aan-de-slag';

// The texts the test looks for, from locales/{nl,en}/{main,approaches,logbook}.ftl.
const TEXT = {
  nl: {
    login: 'Inloggen',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    nav: 'Hoofdmenu',
    navApproaches: 'Wijkaanpakken',
    approachNav: 'Onderdelen van de wijkaanpak',
    logbook: 'Logboek',
    title: (name) => `Logboek — ${name}`,
    newMeeting: 'Overleg vastleggen',
    saveMeeting: 'Overleg opslaan',
    formHasErrors: 'Controleer het formulier',
    meetingKind: 'Soort overleg',
    projectTeam: 'Projectteamoverleg',
    subject: 'Onderwerp',
    date: 'Datum',
    start: 'Begintijd',
    agenda: 'Agenda',
    attendingParties: 'Aanwezige partijen',
    people: 'Aanwezige personen',
    minutes: 'Verslag',
    recorded: 'Vastgelegd in het logboek.',
    decisionFromMeeting: 'Besluit uit dit overleg',
    theDecision: 'Het besluit',
    takenBy: 'Genomen door',
    public: 'Openbaar',
    saveDecision: 'Besluit vastleggen',
    fromMeeting: 'Uit het overleg',
    actionFromMeeting: 'Actie uit dit overleg',
    whatToDo: 'Wat moet er gebeuren?',
    ownerParty: 'Partij die het oppakt',
    dueOn: 'Uiterlijk klaar op',
    saveAction: 'Actie opslaan',
    newAction: 'Actie toevoegen',
    ownOnly: 'Alleen onze organisatie',
    overdue: 'Over de datum',
    search: 'Zoeken in het logboek',
    show: 'Toon',
    nothing: 'Niets gevonden dat bij deze filters past.',
  },
  en: {
    login: 'Log in',
    email: 'Email address',
    password: 'Password',
    nav: 'Main menu',
    navApproaches: 'Approaches',
    approachNav: 'Parts of the approach',
    logbook: 'Logbook',
    title: (name) => `Logbook — ${name}`,
    kind: 'Kind',
    moreFilters: 'More filters: kind, party, node, period',
    decision: 'Decision',
    meeting: 'Meeting',
    show: 'Show',
    found: 'Found',
    takenBy: 'Taken by',
  },
};

const CENTRUM = 'Wijkaanpak Zonnedal-Centrum';
const NOORD = 'Populierenbuurt en Vogelwijk';
const COOPERATIVE = 'Energiecoöperatie Zonnedal Energie';
const MUNICIPALITY = 'Gemeente Zonnedal';

let app;
let browser;

before(async () => {
  app = await startServer({ demo: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

async function appContext(options) {
  const context = await openContext(browser, options);
  await context.route((url) => url.origin !== app.base, (route) => route.abort());
  return context;
}

async function expectHeading(page, name, level = 1) {
  await page.getByRole('heading', { level, name, exact: true }).waitFor();
}

async function expectFlash(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** Logs a demo person in and opens the logbook of an approach through the menus. */
async function openLogbook(context, t, email, approach) {
  const page = await context.newPage();
  await page.goto(`${app.base}/login`);
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t.login, exact: true }).click();
  await page.getByRole('navigation', { name: t.nav }).getByRole('link', { name: t.navApproaches, exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: approach, exact: true }).first().click();
  await page.getByRole('navigation', { name: t.approachNav }).getByRole('link', { name: t.logbook, exact: true }).click();
  await expectHeading(page, t.title(approach));
  await checkA11y(page, `${email}: logbook`);
  return page;
}

/** The timeline's entries (their titles). */
async function titles(page) {
  return page.locator('main .ss-timeline .ss-entry__head a').allInnerTexts();
}

test('a meeting with a decision and actions, and who sees what', async () => {
  const t = TEXT.nl;
  const leader = await appContext({ locale: 'nl-NL' });
  const page = await openLogbook(leader, t, 'projectleider@zonnedal.example', CENTRUM);

  // A meeting: refused without a kind and a subject, the agenda kept.
  await page.getByRole('link', { name: t.newMeeting, exact: true }).click();
  await expectHeading(page, t.newMeeting);
  await page.getByLabel(t.agenda, { exact: true }).fill('1. Offertes isolatie\n2. Enquête');
  await page.getByRole('button', { name: t.saveMeeting, exact: true }).click();
  await page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.formHasErrors }) }).waitFor();
  assert.equal(await page.getByLabel(t.agenda, { exact: true }).inputValue(), '1. Offertes isolatie\n2. Enquête');
  await checkA11y(page, 'meeting refused');

  await page.getByLabel(t.meetingKind, { exact: true }).selectOption({ label: t.projectTeam });
  await page.getByLabel(t.subject, { exact: true }).fill('Projectteam december');
  await page.getByLabel(t.date, { exact: true }).fill('2026-12-01');
  await page.getByLabel(t.start, { exact: true }).fill('19:30');
  await page.getByRole('group', { name: t.attendingParties }).getByLabel(COOPERATIVE, { exact: true }).check();
  await page.getByLabel(t.people, { exact: true }).fill('Anna de Vries (bewoner)');
  await page.getByLabel(t.minutes, { exact: true }).fill('We vragen **drie offertes** op.');
  await page.getByRole('button', { name: t.saveMeeting, exact: true }).click();
  await expectFlash(page, t.recorded);
  await expectHeading(page, 'Projectteam december');
  assert.match(await page.getByRole('main').innerText(), /Anna de Vries \(bewoner\)/);
  assert.equal(await page.locator('.ss-markdown strong').innerText(), 'drie offertes');
  await checkA11y(page, 'meeting');

  // A public decision from the meeting.
  await page.getByRole('link', { name: t.decisionFromMeeting, exact: true }).click();
  await page.getByLabel(t.theDecision, { exact: true }).fill('We vragen offertes voor isolatie op');
  await page.getByRole('group', { name: t.takenBy }).getByLabel(MUNICIPALITY, { exact: true }).check();
  await page.getByRole('group', { name: t.takenBy }).getByLabel(COOPERATIVE, { exact: true }).check();
  await page.getByLabel(t.public, { exact: true }).check();
  await checkA11y(page, 'decision form');
  await page.getByRole('button', { name: t.saveDecision, exact: true }).click();
  await expectFlash(page, t.recorded);
  await expectHeading(page, 'We vragen offertes voor isolatie op');
  await checkA11y(page, 'decision');

  // An action from the meeting, already past its date.
  await page.getByRole('link', { name: 'Projectteam december', exact: true }).click();
  await page.getByRole('link', { name: t.actionFromMeeting, exact: true }).click();
  await page.getByLabel(t.whatToDo, { exact: true }).fill('Offertes isolatie opvragen');
  await page.getByLabel(t.ownerParty, { exact: true }).selectOption({ label: COOPERATIVE });
  await page.getByLabel(t.dueOn, { exact: true }).fill('2026-12-03');
  await page.getByRole('button', { name: t.saveAction, exact: true }).click();
  await expectFlash(page, t.recorded);

  // An action for the municipality's eyes only.
  await page.getByRole('navigation', { name: t.approachNav }).getByRole('link', { name: t.logbook, exact: true }).click();
  await page.getByRole('link', { name: t.newAction, exact: true }).click();
  await page.getByLabel(t.whatToDo, { exact: true }).fill('Collegevoorstel voorbereiden');
  await page.getByLabel(t.ownerParty, { exact: true }).selectOption({ label: MUNICIPALITY });
  await page.getByLabel(t.ownOnly, { exact: true }).check();
  await page.getByRole('button', { name: t.saveAction, exact: true }).click();
  await expectFlash(page, t.recorded);

  await page.getByRole('navigation', { name: t.approachNav }).getByRole('link', { name: t.logbook, exact: true }).click();
  const overdue = page.locator('.ss-entry').filter({ hasText: 'Offertes isolatie opvragen' });
  assert.match(await overdue.innerText(), new RegExp(t.overdue));
  assert.ok((await titles(page)).includes('Collegevoorstel voorbereiden'));
  await page.getByLabel(t.search, { exact: true }).fill('offerte');
  await page.getByRole('button', { name: t.show, exact: true }).click();
  const found = await titles(page);
  assert.ok(found.includes('Offertes isolatie opvragen'), found.join(' | '));
  assert.ok(!found.includes('Collegevoorstel voorbereiden'), found.join(' | '));
  await checkA11y(page, 'search');

  // The public page, as the project page links to it.
  await page.getByRole('navigation', { name: t.approachNav }).getByRole('link', { name: 'Projectpagina', exact: true }).click();
  await page.getByRole('link', { name: 'bekijk de openbare pagina', exact: true }).click();
  await expectHeading(page, CENTRUM);
  const publicAddress = page.url();
  await leader.close();

  // The housing association, without JavaScript: the shared entries, not the municipality's own.
  const partner = await appContext({ locale: 'nl-NL', javaScriptEnabled: false });
  const seen = await openLogbook(partner, t, 'adviseur@woonstichtingzonnedal.example', CENTRUM);
  const visible = await titles(seen);
  assert.ok(visible.includes('Projectteam december'), visible.join(' | '));
  assert.ok(visible.includes('We vragen offertes voor isolatie op'), visible.join(' | '));
  assert.ok(!visible.includes('Collegevoorstel voorbereiden'), visible.join(' | '));
  await seen.getByLabel(t.search, { exact: true }).fill('collegevoorstel');
  await seen.getByRole('button', { name: t.show, exact: true }).click();
  await seen.getByText(t.nothing, { exact: true }).waitFor();
  await checkA11y(seen, 'partner search');
  await partner.close();

  // A resident, without an account or JavaScript, reads the public page in both languages.
  const resident = await appContext({ locale: 'nl-NL', javaScriptEnabled: false });
  const publicPage = await resident.newPage();
  await publicPage.goto(publicAddress);
  await expectHeading(publicPage, CENTRUM);
  const text = await publicPage.getByRole('main').innerText();
  assert.match(text, /Openbare besluiten/);
  assert.match(text, /We vragen offertes voor isolatie op/);
  assert.doesNotMatch(text, /Collegevoorstel voorbereiden/);
  assert.doesNotMatch(text, /Projectteam december/);
  await checkA11y(publicPage, 'public page');
  await publicPage.getByRole('button', { name: 'English' }).click();
  await publicPage.getByRole('heading', { level: 2, name: 'Public decisions' }).waitFor();
  await checkA11y(publicPage, 'public page in English');
  // The decision opens on a page of its own, which the feed links to as well.
  await publicPage.getByRole('link', { name: 'We vragen offertes voor isolatie op', exact: true }).click();
  await expectHeading(publicPage, 'We vragen offertes voor isolatie op');
  const entryAddress = publicPage.url();
  await checkA11y(publicPage, 'a public decision in English');
  await publicPage.getByRole('link', { name: `To the public page of ${CENTRUM}`, exact: true }).waitFor();
  const feed = await resident.request.get(`${publicAddress}/feed.atom`);
  assert.equal(feed.status(), 200);
  const atom = await feed.text();
  assert.match(atom, /We vragen offertes voor isolatie op/);
  assert.ok(atom.includes(`href="${entryAddress}"`), 'the feed links to the page of the decision');
  // The English feed is at its own address, linked from the page in English.
  await publicPage.goto(publicAddress);
  const english = await publicPage.getByRole('link', { name: 'Follow this approach in a feed reader (Atom)' }).getAttribute('href');
  assert.match(english, /\/feed\.en\.atom$/);
  assert.match(await (await resident.request.get(`${app.base}${english}`)).text(), /xml:lang="en"/);
  await resident.close();
});

test('an English-speaking group reads its decisions', async () => {
  const t = TEXT.en;
  const group = await appContext({ locale: 'en-GB', javaScriptEnabled: false });
  const page = await openLogbook(group, t, 'warmtegroep@populierenbuurt.example', NOORD);
  await page.getByText(t.moreFilters, { exact: true }).click();
  await page.getByLabel(t.kind, { exact: true }).selectOption({ label: t.decision });
  await page.getByRole('button', { name: t.show, exact: true }).click();
  await expectHeading(page, t.found, 2);
  const kinds = await page.locator('main .ss-timeline .ss-kind').allInnerTexts();
  assert.ok(kinds.length >= 3, kinds.join(' | '));
  assert.ok(kinds.every((k) => k === t.decision), kinds.join(' | '));
  await checkA11y(page, 'decisions');
  await page.getByRole('link', { name: 'All-electric is the heat alternative for Populierenbuurt and Vogelwijk', exact: true }).click();
  assert.match(await page.getByRole('main').innerText(), new RegExp(t.takenBy));
  await checkA11y(page, 'a decision');
  await group.close();
});
