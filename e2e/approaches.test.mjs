// The wijkaanpak workspace, as the people in it use it in a browser: in Dutch with JavaScript
// on and in English without. A municipality person registers, adds a municipality, sets its
// CBS code and imports its wijken and buurten; an initiative person registers, adds an
// initiative and fills its profile in that municipality's registry. The municipality starts an
// approach (refused without a name and areas first, the description kept) and adds the
// initiative as a party in the project team. The initiative finds the approach in the main
// menu, opens a knooppunt of the first phase in the kompas, is refused pausing work that has
// not started (the note kept), and starts it; the history names them. The municipality starts
// and completes another knooppunt, and the kompas counts it. Both save their perspective and
// see where they differ. axe-core checks every page along the way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { latestMail, linkIn, startServer } from './server.mjs';
import { PASSWORD, activateAccount, checkA11y, launchBrowser, openContext, uniqueEmail, verifyMunicipality } from './browser.mjs';

// How many knooppunten each phase has, from the method content the app is built with.
const NODES = readFileSync(new URL('../content/method/nodes.toml', import.meta.url), 'utf8');
const nodesIn = (phase) => NODES.split(/^\[\[nodes\]\]$/m).filter((n) => n.includes(`\nphase = "${phase}"\n`)).length;
const NODES_TOTAL = NODES.match(/^\[\[nodes\]\]$/gm).length;

// The texts the test looks for, from locales/{nl,en}/{main,registry,approaches}.ftl and
// content/method/*.toml.
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
    checkMail: 'Kijk in uw e-mail',
    welcome: (name) => `Welkom, ${name}`,
    newOrgLink: 'Organisatie toevoegen',
    newOrgSubmit: 'Organisatie toevoegen',
    orgName: 'Naam van de organisatie',
    kindMunicipality: 'Gemeente',
    kindInitiative: 'Bewonersinitiatief',
    orgCreated: 'De organisatie is toegevoegd. U bent de beheerder.',
    municipalityPending: 'De gemeente is toegevoegd. Een beheerder van Samenspel gaat na of u namens deze gemeente werkt; tot dan kunt u alleen collega’s uitnodigen.',
    formHasErrors: 'Controleer het formulier',
    save: 'Opslaan',
    savePerspective: 'Perspectief opslaan',
    // registry.ftl
    areasLink: 'Wijken en buurten',
    municipalityNav: 'Onderdelen van de gemeente',
    areasTitle: (m) => `Wijken en buurten van ${m}`,
    municipalityCode: 'CBS-code van de gemeente',
    saveCode: 'Gemeentecode opslaan',
    codeSaved: 'De CBS-code van de gemeente is opgeslagen.',
    importLink: 'Wijken en buurten importeren uit een bestand van het CBS',
    importTitle: (m) => `Wijken en buurten importeren voor ${m}`,
    importBack: 'Terug naar de wijken en buurten',
    file: 'Bestand',
    importSubmit: 'Importeren',
    importDone: 'Het importeren is gelukt',
    profileLink: 'Profiel van het initiatief',
    profileNone: 'Dit initiatief heeft nog geen profiel.',
    profileCreate: 'Profiel invullen',
    editTitle: (name) => `Profiel van ${name} bewerken`,
    municipality: 'Gemeente',
    showAreas: 'Toon de wijken en buurten',
    description: 'Beschrijving',
    themes: "Thema's",
    heat: 'Warmte',
    profileAreas: 'Wijken en buurten waar het initiatief actief is',
    saveProfile: 'Profiel opslaan',
    profileSaved: 'Het profiel is opgeslagen.',
    inRegistry: (m) => `in het register van ${m}`,
    // approaches.ftl
    navApproaches: 'Wijkaanpakken',
    hubTitle: 'Wijkaanpakken',
    listTitle: (m) => `Wijkaanpakken van ${m}`,
    noneYet: 'Deze gemeente heeft nog geen wijkaanpak in Samenspel.',
    tableCaption: 'Wijkaanpakken met hun gemeente, fase, status, voortgang en aantal partijen',
    newApproach: 'Nieuwe wijkaanpak starten',
    newTitle: 'Nieuwe wijkaanpak',
    approachName: 'Naam van de wijkaanpak',
    approachDescription: 'Beschrijving',
    approachAreas: 'Wijken en buurten',
    phase: 'Fase',
    intensity: 'Intensiteit van de samenwerking',
    intensityProject: 'Projectontwikkeling: rollen, fasering en financiering',
    create: 'Wijkaanpak aanmaken',
    nameRequired: 'Vul de naam van de wijkaanpak in.',
    areasRequired: 'Kies minstens één wijk of buurt waar de wijkaanpak over gaat.',
    created: 'De wijkaanpak is aangemaakt. Voeg nu bij Partijen de organisaties toe die meedoen.',
    approachOf: (m) => `Wijkaanpak van ${m}`,
    approachNav: 'Onderdelen van de wijkaanpak',
    navPage: 'Projectpagina',
    navKompas: 'Kompas',
    navPerspectives: 'Perspectieven',
    navAmbition: 'Ambitie en doelen',
    navParties: 'Partijen',
    navSettings: 'Instellingen',
    partiesTitle: (n) => `Partijen in ${n}`,
    partiesCaption: 'Partijen met hun rol, deelproject en periode',
    party: 'Partij',
    role: 'Rol',
    projectTeam: 'Projectteam',
    addParty: 'Partij toevoegen',
    partyAdded: 'De partij is toegevoegd.',
    partyRequested: 'Het verzoek is verstuurd. De organisatie doet mee zodra een van haar beheerders het accepteert.',
    requestedTitle: 'Gevraagd, nog geen antwoord',
    accept: 'Accepteren',
    requestAccepted: 'U heeft het verzoek geaccepteerd.',
    settingsTitle: (n) => `Instellingen van ${n}`,
    ambitionTitle: (n) => `Ambitie en doelen van ${n}`,
    kompasTitle: (n) => `Kompas van ${n}`,
    kompasCaption: 'Knooppunten per fase (rijen) en spoor (kolommen), met hun status',
    kompasTotal: 'Voortgang in totaal:',
    kompasBack: (n) => `Terug naar het kompas van ${n}`,
    progress: (done, total) => `${done} van ${total} afgerond`,
    notStarted: 'Niet gestart',
    started: 'Gestart',
    paused: 'Gepauzeerd',
    completed: 'Afgerond',
    revised: 'Herzien',
    notApplicable: 'Niet van toepassing',
    choose: 'Kies…',
    nodeMove: 'Status wijzigen',
    newStatus: 'Nieuwe status',
    statusNote: 'Toelichting',
    moveSubmit: 'Status opslaan',
    pauseNotStarted: 'Alleen werk dat al gestart is, kunt u pauzeren.',
    moved: 'De status van het knooppunt is gewijzigd.',
    history: 'Geschiedenis van de status',
    perspectivesTitle: (n) => `Perspectieven in ${n}`,
    perspectivesOwn: 'Het perspectief van uw partij',
    activeTracks: 'Sporen waaraan uw partij werkt',
    believedPhase: 'In welke fase is de wijkaanpak volgens uw partij?',
    nextYear: 'Wat wil uw partij volgend jaar doen?',
    perspectiveSaved: 'Het perspectief van uw partij is opgeslagen.',
    phasesDiffer: 'De partijen zien niet dezelfde fase. Bespreek samen waar u staat.',
    tracksCaption: 'Sporen en de partijen die eraan werken',
    active: 'Werkt eraan',
    notActive: 'Niet actief',
    nextYearHeading: 'Plannen voor volgend jaar',
    // content/method
    phaseStarting: 'Opstarten',
    phaseElaborating: 'Uitwerken',
    trackAmbition: 'Ambitie bepalen',
    trackMunicipal: 'Gemeenteorganisatie oplijnen',
    trackInitiative: 'Initiatief ontwikkelen',
    trackNeighbourhood: 'Wijk betrekken',
    initiativeNode: 'Breng bestaande initiatieven in kaart',
    municipalityNode: 'Bepaal per wijk de rol van de gemeente',
    // What the people type.
    about: 'Wij willen samen met de buurt van het aardgas af, te beginnen bij de flats aan de Lindelaan.',
    approachAbout: 'Samen met de bewoners werken we aan een warmtenet voor de oude kern.',
    pauseNote: 'We wachten op de gegevens van de netbeheerder.',
    startNote: 'Het kernteam is begonnen met een lijst van alle initiatieven in de buurt.',
    initiativePlans: 'Volgend jaar willen we honderd huishoudens bereiken met warmte-avonden.',
    municipalityPlans: 'Volgend jaar leggen we de rol van de gemeente vast in een intentieovereenkomst.',
  },
  en: {
    locale: 'en-GB',
    nav: 'Main menu',
    name: 'Name',
    email: 'Email address',
    newPassword: 'New password',
    language: 'Language',
    register: 'Create account',
    checkMail: 'Check your email',
    welcome: (name) => `Welcome, ${name}`,
    newOrgLink: 'Add an organisation',
    newOrgSubmit: 'Add organisation',
    orgName: 'Name of the organisation',
    kindMunicipality: 'Municipality',
    kindInitiative: 'Resident initiative',
    orgCreated: 'The organisation has been added. You are its administrator.',
    municipalityPending: 'The municipality has been added. A Samenspel administrator will check that you work for it; until then you can only invite colleagues.',
    formHasErrors: 'Please check the form',
    save: 'Save',
    savePerspective: 'Save perspective',
    areasLink: 'Districts and neighbourhoods',
    municipalityNav: 'Parts of the municipality',
    areasTitle: (m) => `Districts and neighbourhoods of ${m}`,
    municipalityCode: "The municipality's CBS code",
    saveCode: 'Save municipality code',
    codeSaved: "The municipality's CBS code has been saved.",
    importLink: 'Import districts and neighbourhoods from a CBS file',
    importTitle: (m) => `Import districts and neighbourhoods for ${m}`,
    importBack: 'Back to the districts and neighbourhoods',
    file: 'File',
    importSubmit: 'Import',
    importDone: 'The import succeeded',
    profileLink: "The initiative's profile",
    profileNone: 'This initiative does not have a profile yet.',
    profileCreate: 'Fill in the profile',
    editTitle: (name) => `Edit the profile of ${name}`,
    municipality: 'Municipality',
    showAreas: 'Show the districts and neighbourhoods',
    description: 'Description',
    themes: 'Themes',
    heat: 'Heat',
    profileAreas: 'Districts and neighbourhoods where the initiative is active',
    saveProfile: 'Save profile',
    profileSaved: 'The profile has been saved.',
    inRegistry: (m) => `in the registry of ${m}`,
    navApproaches: 'Approaches',
    hubTitle: 'Approaches',
    listTitle: (m) => `Approaches of ${m}`,
    noneYet: 'This municipality has no approach in Samenspel yet.',
    tableCaption: 'Approaches with their municipality, phase, status, progress and number of parties',
    newApproach: 'Start a new approach',
    newTitle: 'New approach',
    approachName: 'Name of the approach',
    approachDescription: 'Description',
    approachAreas: 'Districts and neighbourhoods',
    phase: 'Phase',
    intensity: 'Intensity of the partnership',
    intensityProject: 'Project development: roles, phasing and funding',
    create: 'Create approach',
    nameRequired: 'Fill in the name of the approach.',
    areasRequired: 'Choose at least one district or neighbourhood that the approach covers.',
    created: 'The approach has been created. Now add the organisations that take part, under Parties.',
    approachOf: (m) => `Approach of ${m}`,
    approachNav: 'Parts of the approach',
    navPage: 'Project page',
    navKompas: 'Compass',
    navPerspectives: 'Perspectives',
    navAmbition: 'Ambition and goals',
    navParties: 'Parties',
    navSettings: 'Settings',
    partiesTitle: (n) => `Parties in ${n}`,
    partiesCaption: 'Parties with their role, sub-project and period',
    party: 'Party',
    role: 'Role',
    projectTeam: 'Project team',
    addParty: 'Add party',
    partyAdded: 'The party has been added.',
    partyRequested: 'The request has been sent. The organisation takes part once one of its administrators accepts it.',
    requestedTitle: 'Asked, no answer yet',
    accept: 'Accept',
    requestAccepted: 'You have accepted the request.',
    settingsTitle: (n) => `Settings of ${n}`,
    ambitionTitle: (n) => `Ambition and goals of ${n}`,
    kompasTitle: (n) => `Compass of ${n}`,
    kompasCaption: 'Nodes by phase (rows) and track (columns), with their status',
    kompasTotal: 'Overall progress:',
    kompasBack: (n) => `Back to the compass of ${n}`,
    progress: (done, total) => `${done} of ${total} completed`,
    notStarted: 'Not started',
    started: 'Started',
    paused: 'Paused',
    completed: 'Completed',
    revised: 'Revised',
    notApplicable: 'Not applicable',
    choose: 'Choose…',
    nodeMove: 'Change status',
    newStatus: 'New status',
    statusNote: 'Explanation',
    moveSubmit: 'Save status',
    pauseNotStarted: 'Only work that has started can be paused.',
    moved: 'The status of the node has been changed.',
    history: 'Status history',
    perspectivesTitle: (n) => `Perspectives in ${n}`,
    perspectivesOwn: "Your party's perspective",
    activeTracks: 'Tracks your party works on',
    believedPhase: 'Which phase is the approach in, according to your party?',
    nextYear: 'What does your party want to do next year?',
    perspectiveSaved: "Your party's perspective has been saved.",
    phasesDiffer: 'The parties do not see the same phase. Discuss together where you stand.',
    tracksCaption: 'Tracks and the parties that work on them',
    active: 'Working on it',
    notActive: 'Not active',
    nextYearHeading: 'Plans for next year',
    phaseStarting: 'Starting up',
    phaseElaborating: 'Working out',
    trackAmbition: 'Setting the ambition',
    trackMunicipal: 'Aligning the municipal organisation',
    trackInitiative: 'Developing the initiative',
    trackNeighbourhood: 'Involving the neighbourhood',
    initiativeNode: 'Map the existing initiatives',
    municipalityNode: "Decide the municipality's role in each neighbourhood",
    about: 'Together with the neighbourhood we want to get off natural gas, starting with the flats on Linden Lane.',
    approachAbout: 'Together with the residents we are working on a heat network for the old centre.',
    pauseNote: 'We are waiting for the data from the grid operator.',
    startNote: 'The core team has started a list of all initiatives in the neighbourhood.',
    initiativePlans: 'Next year we want to reach a hundred households with heat evenings.',
    municipalityPlans: "Next year we set down the municipality's role in a letter of intent.",
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

/** A context that reaches only the app. */
async function appContext(options) {
  const context = await openContext(browser, options);
  await context.route((url) => url.origin !== app.base, (route) => route.abort());
  return context;
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

/** The form's error summary (role=alert with its heading). */
function errorSummary(page, t) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.formHasErrors }) });
}

/** Registers `name` in `lang` through the form and adds an organisation of `kind`. */
async function personWithOrganisation(context, t, lang, { name, email, kind, orgName }) {
  const page = await context.newPage();
  await page.goto(`${app.base}/`);
  await checkA11y(page, 'home, logged out');
  await page.getByRole('navigation', { name: t.nav }).getByRole('link', { name: t.register, exact: true }).click();
  await expectHeading(page, t.register);
  await checkA11y(page, 'register');
  await page.getByLabel(t.name, { exact: true }).fill(name);
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.newPassword, { exact: true }).fill(PASSWORD);
  await page.getByLabel(t.language, { exact: true }).selectOption(lang);
  await page.getByRole('button', { name: t.register, exact: true }).click();
  await expectHeading(page, t.checkMail);
  await checkA11y(page, 'register, mail sent');
  await activateAccount(page, app, email);
  await expectHeading(page, t.welcome(name));
  await checkA11y(page, 'home, logged in');

  await page.getByRole('main').getByRole('link', { name: t.newOrgLink, exact: true }).click();
  await expectHeading(page, t.newOrgLink);
  await checkA11y(page, 'new organisation');
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByLabel(t.orgName, { exact: true }).fill(orgName);
  await page.getByRole('button', { name: t.newOrgSubmit, exact: true }).click();
  await expectHeading(page, orgName);
  if (kind === t.kindMunicipality) {
    // A municipality waits for the platform administrator before it can do anything.
    await expectFlash(page, t.municipalityPending);
    await checkA11y(page, `organisation page of ${orgName}, waiting for verification`);
    await verifyMunicipality(browser, app, orgName);
    await page.reload();
  } else {
    await expectFlash(page, t.orgCreated);
  }
  await checkA11y(page, `organisation page of ${orgName}`);
  return page;
}

// One municipality's areas: a wijk with two buurten.
function csvFile(code) {
  const lines = [
    'gemeentecode;gemeentenaam;wijkcode;wijknaam;buurtcode;buurtnaam',
    `GM${code};Zonnedal;WK${code}01;Centrum;BU${code}0101;Oude Kern`,
    `GM${code};Zonnedal;WK${code}01;Centrum;BU${code}0102;De Linde`,
  ];
  return { name: 'buurten.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

/** The approach's sub-navigation. */
function approachNav(page, t) {
  return page.getByRole('navigation', { name: t.approachNav });
}

/** A row of a table whose row header is `name`. */
function rowOf(table, name) {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: false }) });
}

/** A knooppunt's page: the status form's parts and the history. */
function nodeForm(page, t) {
  const form = page.getByRole('form', { name: t.nodeMove });
  return {
    form,
    status: form.getByLabel(t.newStatus, { exact: true }),
    note: form.getByLabel(t.statusNote, { exact: true }),
    submit: form.getByRole('button', { name: t.moveSubmit, exact: true }),
    history: page.getByRole('table', { name: t.history }),
  };
}

/** The texts of the options a select offers. */
async function optionsOf(select) {
  return (await select.locator('option').allInnerTexts()).map((s) => s.trim());
}

/** Moves a knooppunt on its page and waits for the message; returns the page's form parts. */
async function moveNode(page, t, label, note = '') {
  const node = nodeForm(page, t);
  await node.status.selectOption({ label });
  if (note) await node.note.fill(note);
  await node.submit.click();
  await expectFlash(page, t.moved);
  return nodeForm(page, t);
}

/** Saves the visitor's party's perspective on the perspectives page. */
async function savePerspective(page, t, { tracks, phase, plans }) {
  const own = page.getByRole('form', { name: t.perspectivesOwn });
  const group = own.getByRole('group', { name: t.activeTracks });
  for (const track of tracks) await group.getByLabel(track, { exact: true }).check();
  await own.getByLabel(t.believedPhase, { exact: true }).selectOption({ label: phase });
  await own.getByLabel(t.nextYear, { exact: true }).fill(plans);
  await own.getByRole('button', { name: t.savePerspective, exact: true }).click();
  await expectFlash(page, t.perspectiveSaved);
}

const RUNS = [
  ['nl', true, '9921'],
  ['en', false, '9922'],
];

for (const [lang, javaScriptEnabled, code] of RUNS) {
  const js = javaScriptEnabled ? 'js' : 'nojs';
  test(`the wijkaanpak workspace in ${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, { timeout: 150_000 }, async () => {
    const t = TEXT[lang];
    const municipalityName = `Gemeente Zonnedal ${lang} ${js}`;
    const initiativeName = `Energiek Zonnedal ${lang} ${js}`;
    const approachName = `Wijkaanpak Oude Kern ${lang} ${js}`;
    const official = `Projectleider ${lang} ${js}`;
    const resident = `Bewoner ${lang} ${js}`;
    const phaseTotal = nodesIn('starting');

    // 1. The municipality person: a municipality with a CBS code and imported areas.
    const townContext = await appContext({ javaScriptEnabled, locale: t.locale });
    const town = await personWithOrganisation(townContext, t, lang, {
      name: official,
      email: uniqueEmail(`pl-${lang}-${js}`),
      kind: t.kindMunicipality,
      orgName: municipalityName,
    });
    await town.getByRole('main').getByRole('link', { name: t.areasLink, exact: true }).click();
    await expectHeading(town, t.areasTitle(municipalityName));
    await town.getByLabel(t.municipalityCode, { exact: true }).fill(`GM${code}`);
    await town.getByRole('button', { name: t.saveCode, exact: true }).click();
    await expectFlash(town, t.codeSaved);
    await checkA11y(town, 'areas, code saved');
    await town.getByRole('link', { name: t.importLink, exact: true }).click();
    await expectHeading(town, t.importTitle(municipalityName));
    await town.getByLabel(t.file, { exact: true }).setInputFiles(csvFile(code));
    await town.getByRole('button', { name: t.importSubmit, exact: true }).click();
    await town.getByRole('status').filter({ has: town.getByRole('heading', { name: t.importDone }) }).waitFor();
    await checkA11y(town, 'import done');
    await town.getByRole('link', { name: t.importBack, exact: true }).click();
    await expectHeading(town, t.areasTitle(municipalityName));

    // 2. The initiative person: an initiative with a profile in that municipality's registry.
    const clubContext = await appContext({ javaScriptEnabled, locale: t.locale });
    const clubEmail = uniqueEmail(`bewoner-${lang}-${js}`);
    const club = await personWithOrganisation(clubContext, t, lang, {
      name: resident,
      email: clubEmail,
      kind: t.kindInitiative,
      orgName: initiativeName,
    });
    await club.getByRole('main').getByRole('link', { name: t.profileLink, exact: true }).click();
    await expectHeading(club, initiativeName);
    await club.getByText(t.profileNone, { exact: true }).waitFor();
    await checkA11y(club, 'profile, not filled in');
    await club.getByRole('link', { name: t.profileCreate, exact: true }).click();
    await expectHeading(club, t.editTitle(initiativeName));
    // What is typed before the areas are shown stays in the form.
    await club.getByLabel(t.description, { exact: true }).fill(t.about);
    await club.getByLabel(t.municipality, { exact: true }).selectOption({ label: municipalityName });
    await club.getByRole('button', { name: t.showAreas, exact: true }).click();
    const profileAreas = club.getByRole('group', { name: t.profileAreas });
    await profileAreas.getByLabel('De Linde', { exact: true }).check();
    assert.equal(await club.getByLabel(t.description, { exact: true }).inputValue(), t.about);
    await club.getByRole('group', { name: t.themes }).getByLabel(t.heat, { exact: true }).check();
    await checkA11y(club, 'profile form with the areas shown');
    await club.getByRole('button', { name: t.saveProfile, exact: true }).click();
    await expectFlash(club, t.profileSaved);
    await expectHeading(club, initiativeName);
    await club.getByText(t.inRegistry(municipalityName)).waitFor();
    await checkA11y(club, 'profile, filled in');

    // 3. The municipality opens its approaches from the municipality's sub-navigation.
    await town.getByRole('navigation', { name: t.municipalityNav }).getByRole('link', { name: t.navApproaches, exact: true }).click();
    await expectHeading(town, t.listTitle(municipalityName));
    await town.getByText(t.noneYet, { exact: true }).waitFor();
    await checkA11y(town, 'approaches of the municipality, none yet');
    await town.getByRole('link', { name: t.newApproach, exact: true }).click();
    await expectHeading(town, t.newTitle);
    await checkA11y(town, 'new approach');

    // Without a name and without areas it is refused; what was typed stays.
    await town.getByLabel(t.approachDescription, { exact: true }).fill(t.approachAbout);
    await town.getByRole('button', { name: t.create, exact: true }).click();
    const summary = errorSummary(town, t);
    await summary.waitFor();
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [t.nameRequired, t.areasRequired]);
    assert.equal(await summary.getByRole('link', { name: t.nameRequired }).getAttribute('href'), '#field-name');
    assert.equal(await summary.getByRole('link', { name: t.areasRequired }).getAttribute('href'), '#field-areas');
    const nameInput = town.getByLabel(t.approachName, { exact: true });
    assert.equal(await nameInput.getAttribute('aria-invalid'), 'true');
    assert.equal(await town.getByLabel(t.approachDescription, { exact: true }).inputValue(), t.approachAbout, 'the description is kept');
    const areaGroup = town.getByRole('group', { name: t.approachAreas });
    await areaGroup.getByText(t.areasRequired, { exact: true }).waitFor();
    await checkA11y(town, 'new approach with errors');

    // With a name, an area, the first phase and an intensity it is created.
    await nameInput.fill(approachName);
    await areaGroup.getByLabel('Oude Kern', { exact: true }).check();
    await town.getByLabel(t.phase, { exact: true }).selectOption({ label: t.phaseStarting });
    await town.getByLabel(t.intensity, { exact: true }).selectOption({ label: t.intensityProject });
    await town.getByRole('button', { name: t.create, exact: true }).click();
    await expectFlash(town, t.created);
    await expectHeading(town, approachName);
    const approachPath = new URL(town.url()).pathname;
    assert.match(approachPath, /^\/approaches\/\d+$/);
    await town.getByText(`${t.approachOf(municipalityName)} · Oude Kern`, { exact: true }).waitFor();
    await town.getByText(t.approachAbout, { exact: true }).waitFor();
    await town.getByText(t.intensityProject, { exact: true }).waitFor();
    await checkA11y(town, 'project page, just created');

    // The settings page is the municipality's; it shows what was chosen.
    await approachNav(town, t).getByRole('link', { name: t.navSettings, exact: true }).click();
    await expectHeading(town, t.settingsTitle(approachName));
    assert.equal(await town.getByLabel(t.approachDescription, { exact: true }).inputValue(), t.approachAbout);
    assert.ok(await town.getByLabel('Oude Kern', { exact: true }).isChecked(), 'the chosen area is kept');
    await checkA11y(town, 'settings of the approach');

    // The initiative becomes a party, in the project team.
    await approachNav(town, t).getByRole('link', { name: t.navParties, exact: true }).click();
    await expectHeading(town, t.partiesTitle(approachName));
    await town.getByLabel(t.party, { exact: true }).selectOption({ label: `${initiativeName} (${t.kindInitiative})` });
    await town.getByLabel(t.role, { exact: true }).selectOption({ label: t.projectTeam });
    await checkA11y(town, 'parties, before adding');
    await town.getByRole('button', { name: t.addParty, exact: true }).click();
    // The initiative is asked; it takes part once its administrator accepts.
    await expectFlash(town, t.partyRequested);
    await town.getByRole('heading', { level: 2, name: t.requestedTitle, exact: true }).waitFor();
    await checkA11y(town, 'parties, initiative asked');
    await club.goto(linkIn(await latestMail(app.mailDir, clubEmail, '/organisations/'), '/organisations/'));
    await expectHeading(club, initiativeName);
    await checkA11y(club, 'organisation page with a request to take part');
    await club.getByRole('button', { name: t.accept, exact: true }).click();
    await expectFlash(club, t.requestAccepted);
    await town.reload();
    const parties = town.getByRole('table', { name: t.partiesCaption });
    await rowOf(parties, initiativeName).getByRole('cell', { name: t.projectTeam, exact: true }).waitFor();
    await checkA11y(town, 'parties, initiative added');

    // 4. The initiative finds the approach in the main menu.
    await club.getByRole('navigation', { name: t.nav }).getByRole('link', { name: t.navApproaches, exact: true }).click();
    await expectHeading(club, t.hubTitle);
    const hubTable = club.getByRole('table', { name: t.tableCaption });
    await rowOf(hubTable, approachName).getByRole('cell', { name: municipalityName, exact: true }).waitFor();
    await checkA11y(club, 'approaches of the initiative');
    await hubTable.getByRole('link', { name: approachName, exact: true }).click();
    await expectHeading(club, approachName);
    assert.equal(await approachNav(club, t).getByRole('link', { name: t.navSettings }).count(), 0, 'settings are the municipality\'s');
    await checkA11y(club, 'project page, seen by the initiative');

    // The kompas, and a knooppunt of the first phase.
    await approachNav(club, t).getByRole('link', { name: t.navKompas, exact: true }).click();
    await expectHeading(club, t.kompasTitle(approachName));
    const kompas = club.getByRole('table', { name: t.kompasCaption });
    const firstPhase = rowOf(kompas, `1. ${t.phaseStarting}`);
    assert.ok((await textOf(firstPhase.getByRole('rowheader'))).includes(t.progress(0, phaseTotal)));
    await checkA11y(club, 'kompas, nothing done');
    await firstPhase.getByRole('link', { name: t.initiativeNode, exact: true }).first().click();
    await expectHeading(club, t.initiativeNode);
    let node = nodeForm(club, t);
    // The form offers only the moves that can be made from "not started".
    assert.deepEqual(await optionsOf(node.status), [t.choose, t.started, t.completed, t.notApplicable]);
    await checkA11y(club, 'knooppunt, not started');

    // Pausing work that has not started is refused, with the reason, and the note stays. The
    // form does not offer it, so this is a form that is out of date (the status changed since it
    // was loaded) or made by hand: the option is added to the page as such a form would have it.
    await node.status.evaluate((select, label) => select.add(new Option(label, 'paused')), t.paused);
    await node.status.selectOption('paused');
    await node.note.fill(t.pauseNote);
    await node.submit.click();
    const refused = errorSummary(club, t);
    await refused.getByRole('link', { name: t.pauseNotStarted, exact: true }).waitFor();
    assert.equal(await refused.getByRole('link', { name: t.pauseNotStarted }).getAttribute('href'), '#field-status');
    node = nodeForm(club, t);
    assert.equal(await node.note.inputValue(), t.pauseNote, 'the note is kept');
    assert.equal(await node.status.getAttribute('aria-invalid'), 'true');
    assert.equal(await club.getByRole('table', { name: t.history }).count(), 0, 'nothing in the history');
    await checkA11y(club, 'knooppunt, move refused');

    // Starting it works; the history names the person, their party and the note.
    node = await moveNode(club, t, t.started, t.startNote);
    const historyRows = node.history.getByRole('row');
    assert.equal(await historyRows.count(), 2, 'the header row and one change');
    const [, who, change, note] = (await historyRows.nth(1).getByRole('cell').allInnerTexts()).map((s) => s.trim());
    assert.equal(who, `${resident} (${initiativeName})`);
    assert.equal(change, `${t.notStarted} → ${t.started}`);
    assert.equal(note, t.startNote);
    assert.equal(await node.note.inputValue(), '', 'the form is empty again');
    assert.deepEqual(await optionsOf(node.status), [t.choose, t.paused, t.completed, t.notApplicable]);
    await checkA11y(club, 'knooppunt, started');

    // 5. The municipality starts and completes another knooppunt of the first phase.
    await approachNav(town, t).getByRole('link', { name: t.navKompas, exact: true }).click();
    await expectHeading(town, t.kompasTitle(approachName));
    const townKompas = town.getByRole('table', { name: t.kompasCaption });
    await rowOf(townKompas, `1. ${t.phaseStarting}`).getByRole('link', { name: t.municipalityNode, exact: true }).first().click();
    await expectHeading(town, t.municipalityNode);
    await moveNode(town, t, t.started);
    node = await moveNode(town, t, t.completed);
    assert.deepEqual(await optionsOf(node.status), [t.choose, t.revised]);
    assert.equal(await node.history.getByRole('row').count(), 3, 'the header row and two changes');
    await checkA11y(town, 'knooppunt, completed');

    // The kompas shows it completed, and the phase and the whole count it.
    await town.getByRole('link', { name: t.kompasBack(approachName), exact: true }).click();
    await expectHeading(town, t.kompasTitle(approachName));
    const done = townKompas.getByRole('listitem').filter({ has: town.getByRole('link', { name: t.municipalityNode, exact: true }) });
    assert.ok((await done.count()) >= 1);
    for (const item of await done.all()) {
      await item.locator('.ss-status').filter({ hasText: t.completed }).waitFor();
    }
    const started = townKompas.getByRole('listitem').filter({ has: town.getByRole('link', { name: t.initiativeNode, exact: true }) }).first();
    await started.locator('.ss-status').filter({ hasText: t.started }).waitFor();
    const phaseHeader = rowOf(townKompas, `1. ${t.phaseStarting}`).getByRole('rowheader');
    assert.ok((await textOf(phaseHeader)).includes(t.progress(1, phaseTotal)), await textOf(phaseHeader));
    const total = town.getByText(t.kompasTotal).locator('..');
    assert.ok((await textOf(total)).includes(t.progress(1, NODES_TOTAL)), await textOf(total));
    await checkA11y(town, 'kompas, one completed');

    // 6. Both parties say how they see it: different phases, their own tracks and plans.
    await approachNav(club, t).getByRole('link', { name: t.navPerspectives, exact: true }).click();
    await expectHeading(club, t.perspectivesTitle(approachName));
    await checkA11y(club, 'perspectives, nothing filled in');
    await savePerspective(club, t, {
      tracks: [t.trackInitiative, t.trackNeighbourhood],
      phase: t.phaseStarting,
      plans: t.initiativePlans,
    });
    await expectHeading(club, t.perspectivesTitle(approachName));

    await approachNav(town, t).getByRole('link', { name: t.navPerspectives, exact: true }).click();
    await expectHeading(town, t.perspectivesTitle(approachName));
    await savePerspective(town, t, {
      tracks: [t.trackAmbition, t.trackMunicipal],
      phase: t.phaseElaborating,
      plans: t.municipalityPlans,
    });

    // Side by side: both plans, the phases that differ, and who works on which track.
    for (const page of [town, club]) {
      if (page === club) await club.reload();
      await page.locator('.utrecht-alert').filter({ hasText: t.phasesDiffer }).waitFor();
      const plans = page.locator('dl').filter({ has: page.getByRole('term').filter({ hasText: initiativeName }) });
      assert.equal(await textOf(plans.getByRole('definition').filter({ hasText: t.initiativePlans })), t.initiativePlans);
      assert.equal(await textOf(plans.getByRole('definition').filter({ hasText: t.municipalityPlans })), t.municipalityPlans);
      await page.getByRole('listitem').filter({ hasText: `${t.phaseStarting}: ${initiativeName}` }).waitFor();
      await page.getByRole('listitem').filter({ hasText: `${t.phaseElaborating}: ${municipalityName}` }).waitFor();
      const tracks = page.getByRole('table', { name: t.tracksCaption });
      const columns = (await tracks.getByRole('columnheader').allInnerTexts()).map((s) => s.trim());
      const cell = (track, party) => rowOf(tracks, track).getByRole('cell').nth(columns.indexOf(party) - 1);
      assert.equal(await textOf(cell(t.trackNeighbourhood, initiativeName)), t.active);
      assert.equal(await textOf(cell(t.trackNeighbourhood, municipalityName)), t.notActive);
      assert.equal(await textOf(cell(t.trackMunicipal, municipalityName)), t.active);
      assert.equal(await textOf(cell(t.trackMunicipal, initiativeName)), t.notActive);
      await checkA11y(page, `perspectives, both filled in (${page === town ? 'municipality' : 'initiative'})`);
    }
    // The form keeps each party's own answers.
    const ownForm = club.getByRole('form', { name: t.perspectivesOwn });
    assert.equal(await ownForm.getByLabel(t.nextYear, { exact: true }).inputValue(), t.initiativePlans);
    assert.ok(await ownForm.getByLabel(t.trackNeighbourhood, { exact: true }).isChecked());
    assert.equal(await ownForm.getByLabel(t.trackAmbition, { exact: true }).isChecked(), false);

    // 7. The remaining pages of the workspace pass axe too.
    for (const [page, who] of [[club, 'initiative'], [town, 'municipality']]) {
      await approachNav(page, t).getByRole('link', { name: t.navAmbition, exact: true }).click();
      await expectHeading(page, t.ambitionTitle(approachName));
      await checkA11y(page, `ambition and goals (${who})`);
      await approachNav(page, t).getByRole('link', { name: t.navParties, exact: true }).click();
      await expectHeading(page, t.partiesTitle(approachName));
      await checkA11y(page, `parties (${who})`);
      await approachNav(page, t).getByRole('link', { name: t.navPage, exact: true }).click();
      await expectHeading(page, approachName);
      await checkA11y(page, `project page with changes (${who})`);
    }
    // The municipality's list shows the progress.
    await town.getByRole('navigation', { name: t.nav }).getByRole('link', { name: t.navApproaches, exact: true }).click();
    await expectHeading(town, t.hubTitle);
    await town.getByRole('link', { name: t.listTitle(municipalityName), exact: true }).click();
    await expectHeading(town, t.listTitle(municipalityName));
    const line = rowOf(town.getByRole('table', { name: t.tableCaption }), approachName);
    assert.ok((await textOf(line)).includes(t.progress(1, NODES_TOTAL)), await textOf(line));
    await checkA11y(town, 'approaches of the municipality, one');

    await clubContext.close();
    await townContext.close();
  });
}
