// The main flow, as people do it in a browser: register, log out and in, add an organisation,
// invite someone who accepts in a browser of their own, make them administrator, log out.
// In Dutch and in English, with JavaScript on and off, with axe-core on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, latestMail, linkIn } from './server.mjs';
import { PASSWORD, checkA11y, launchBrowser, openContext, uniqueEmail } from './browser.mjs';

// The texts the test looks for, from locales/{nl,en}/main.ftl.
const TEXT = {
  nl: {
    locale: 'nl-NL',
    switchButton: 'Nederlands', // the header button that switches *to* this language
    nav: 'Hoofdmenu',
    name: 'Naam',
    email: 'E-mailadres',
    newPassword: 'Nieuw wachtwoord',
    password: 'Wachtwoord',
    language: 'Taal',
    register: 'Account aanmaken',
    checkMail: 'Kijk in uw e-mail',
    activate: 'Account activeren',
    login: 'Inloggen',
    logout: (name) => `Uitloggen (${name})`,
    loggedOut: 'U bent uitgelogd.',
    welcome: (name) => `Welkom, ${name}`,
    newOrgLink: 'Organisatie toevoegen',
    newOrgSubmit: 'Organisatie toevoegen',
    orgName: 'Naam van de organisatie',
    municipality: 'Gemeente',
    orgCreated: 'De gemeente is toegevoegd. Een beheerder van Samenspel gaat na of u namens deze gemeente werkt; tot dan kunt u alleen collega’s uitnodigen.',
    inviteSection: 'Iemand uitnodigen',
    role: 'Rol',
    member: 'Lid',
    admin: 'Beheerder',
    sendInvitation: 'Uitnodiging versturen',
    invitationSent: 'De uitnodiging is verstuurd.',
    invitationTitle: 'Uitnodiging',
    accept: 'Uitnodiging accepteren',
    accepted: 'Welkom! U bent nu lid.',
    roleOf: (name) => `Rol van ${name}`,
    changeRole: 'Rol wijzigen',
    roleChanged: 'De rol is gewijzigd.',
    skipLink: 'Naar de inhoud',
  },
  en: {
    locale: 'en-GB',
    switchButton: 'English',
    nav: 'Main menu',
    name: 'Name',
    email: 'Email address',
    newPassword: 'New password',
    password: 'Password',
    language: 'Language',
    register: 'Create account',
    checkMail: 'Check your email',
    activate: 'Activate account',
    login: 'Log in',
    logout: (name) => `Log out (${name})`,
    loggedOut: 'You have been logged out.',
    welcome: (name) => `Welcome, ${name}`,
    newOrgLink: 'Add an organisation',
    newOrgSubmit: 'Add organisation',
    orgName: 'Name of the organisation',
    municipality: 'Municipality',
    orgCreated: 'The municipality has been added. A Samenspel administrator will check that you work for it; until then you can only invite colleagues.',
    inviteSection: 'Invite someone',
    role: 'Role',
    member: 'Member',
    admin: 'Administrator',
    sendInvitation: 'Send invitation',
    invitationSent: 'The invitation has been sent.',
    invitationTitle: 'Invitation',
    accept: 'Accept invitation',
    accepted: 'Welcome! You are now a member.',
    roleOf: (name) => `Role of ${name}`,
    changeRole: 'Change role',
    roleChanged: 'The role has been changed.',
    skipLink: 'Skip to content',
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

/** Waits for the page in `lang` (html[lang]) and checks it. */
async function expectLang(page, lang) {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

/** Waits for the one-time message (role=status) after an action. */
async function expectFlash(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** Waits for the page's h1. */
async function expectHeading(page, name) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

// Keyboard: the first Tab on a page reaches the skip link, which leads to the main content.
test('the skip link is the first stop of the keyboard and leads to #main', async () => {
  const context = await openContext(browser, { locale: TEXT.nl.locale });
  const page = await context.newPage();
  await page.goto(`${app.base}/login`);
  await checkA11y(page, 'login');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: TEXT.nl.skipLink });
  assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the skip link has focus after one Tab');
  const target = await skip.getAttribute('href');
  assert.equal(target, '#main');
  assert.equal(await page.locator(target).count(), 1, 'the skip link target exists');
  await page.keyboard.press('Enter');
  assert.ok(page.url().endsWith('#main'));
  assert.ok(await page.locator('#main').evaluate((el) => el === document.activeElement), '#main has focus after following the skip link');
  await context.close();
});

for (const lang of ['nl', 'en']) {
  for (const javaScriptEnabled of [true, false]) {
    const js = javaScriptEnabled ? 'js' : 'nojs';
    test(`collaboration in ${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, { timeout: 90_000 }, async () => {
      const t = TEXT[lang];
      const adminName = `Ilse Verbeek ${lang} ${js}`;
      const memberName = `Joris Haverkamp ${lang} ${js}`;
      const orgName = `Gemeente Zonnedal ${lang} ${js}`;
      const adminEmail = uniqueEmail(`admin-${lang}-${js}`);
      const memberEmail = uniqueEmail(`member-${lang}-${js}`);

      // The first person's browser asks for the other language; they switch with the header button.
      const first = await openContext(browser, { javaScriptEnabled, locale: TEXT[OTHER[lang]].locale });
      const page = await first.newPage();
      await page.goto(`${app.base}/`);
      await expectLang(page, OTHER[lang]);
      await checkA11y(page, `home (${OTHER[lang]})`);
      await page.getByRole('banner').getByRole('button', { name: t.switchButton, exact: true }).click();
      await expectLang(page, lang);
      await checkA11y(page, `home (${lang})`);
      const nav = page.getByRole('navigation', { name: t.nav });

      // Register.
      await nav.getByRole('link', { name: t.register, exact: true }).click();
      await expectHeading(page, t.register);
      await checkA11y(page, 'registration');
      assert.equal(await page.getByLabel(t.language, { exact: true }).inputValue(), lang);
      await page.getByLabel(t.name, { exact: true }).fill(adminName);
      await page.getByLabel(t.email, { exact: true }).fill(adminEmail);
      await page.getByLabel(t.newPassword, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: t.register, exact: true }).click();
      await expectHeading(page, t.checkMail);
      await checkA11y(page, 'registration, mail sent');
      // The account exists once the link from the mail is opened and confirmed.
      await page.goto(linkIn(await latestMail(app.mailDir, adminEmail, '/register/confirm'), '/register/confirm'));
      await expectLang(page, lang);
      await expectHeading(page, t.activate);
      await checkA11y(page, 'activate account');
      await page.getByRole('button', { name: t.activate, exact: true }).click();
      await expectHeading(page, t.welcome(adminName));
      await expectLang(page, lang);
      await checkA11y(page, 'home, logged in');

      // Log out, and in again.
      await page.getByRole('button', { name: t.logout(adminName), exact: true }).click();
      await expectFlash(page, t.loggedOut);
      await checkA11y(page, 'home, logged out');
      await nav.getByRole('link', { name: t.login, exact: true }).click();
      await expectHeading(page, t.login);
      await checkA11y(page, 'login');
      await page.getByLabel(t.email, { exact: true }).fill(adminEmail);
      await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: t.login, exact: true }).click();
      await expectHeading(page, t.welcome(adminName));
      await checkA11y(page, 'home, logged in again');

      // Add a municipality.
      await page.getByRole('main').getByRole('link', { name: t.newOrgLink, exact: true }).click();
      assert.ok(page.url().endsWith('/organisations/new'), page.url());
      await checkA11y(page, 'new organisation');
      await page.getByLabel(t.municipality, { exact: true }).check();
      await page.getByLabel(t.orgName, { exact: true }).fill(orgName);
      await page.getByRole('button', { name: t.newOrgSubmit, exact: true }).click();
      await expectHeading(page, orgName);
      await expectFlash(page, t.orgCreated);
      const orgUrl = page.url();
      await checkA11y(page, 'organisation, just added');

      // Invite the second person as a member.
      const invite = page.getByRole('region', { name: t.inviteSection });
      await invite.getByLabel(t.email, { exact: true }).fill(memberEmail);
      await invite.getByLabel(t.role, { exact: true }).selectOption({ label: t.member });
      await invite.getByRole('button', { name: t.sendInvitation, exact: true }).click();
      await expectFlash(page, t.invitationSent);
      await page.getByRole('listitem').filter({ hasText: memberEmail }).waitFor();
      await checkA11y(page, 'organisation, invitation sent');
      const link = linkIn(await latestMail(app.mailDir, memberEmail), '/invitations/');

      // The second person opens the link in their own browser, creates an account, accepts.
      const second = await openContext(browser, { javaScriptEnabled, locale: t.locale });
      const invitee = await second.newPage();
      await invitee.goto(link);
      await expectLang(invitee, lang);
      await expectHeading(invitee, t.invitationTitle);
      await checkA11y(invitee, 'invitation, logged out');
      await invitee.getByRole('main').getByRole('link', { name: t.register, exact: true }).click();
      await expectHeading(invitee, t.register);
      await checkA11y(invitee, 'registration from the invitation');
      assert.equal(await invitee.getByLabel(t.email, { exact: true }).inputValue(), memberEmail);
      await invitee.getByLabel(t.name, { exact: true }).fill(memberName);
      await invitee.getByLabel(t.newPassword, { exact: true }).fill(PASSWORD);
      await invitee.getByRole('button', { name: t.register, exact: true }).click();
      await expectHeading(invitee, t.invitationTitle);
      await checkA11y(invitee, 'invitation, logged in');
      await invitee.getByRole('button', { name: t.accept, exact: true }).click();
      await expectHeading(invitee, orgName);
      await expectFlash(invitee, t.accepted);
      await checkA11y(invitee, 'organisation, as the new member');
      await second.close();

      // Back in the first browser: the new member is listed; make them administrator.
      assert.equal(page.url(), orgUrl);
      await page.reload();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: memberName }) });
      await row.getByRole('cell', { name: t.member, exact: true }).waitFor();
      await checkA11y(page, 'organisation with two members');
      await page.getByLabel(t.roleOf(memberName), { exact: true }).selectOption({ label: t.admin });
      await row.getByRole('button', { name: t.changeRole, exact: true }).click();
      await expectFlash(page, t.roleChanged);
      await row.getByRole('cell', { name: t.admin, exact: true }).waitFor();
      assert.equal(await page.getByLabel(t.roleOf(memberName), { exact: true }).inputValue(), 'admin');
      await checkA11y(page, 'organisation after the role change');

      // Log out.
      await page.getByRole('button', { name: t.logout(adminName), exact: true }).click();
      await expectFlash(page, t.loggedOut);
      assert.equal(await page.getByRole('button', { name: t.logout(adminName) }).count(), 0);
      await checkA11y(page, 'home, logged out at the end');
      await first.close();
    });
  }
}
