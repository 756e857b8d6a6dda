// The foundation's main flow, as people do it in a browser: register, log out and in, create
// an organisation, invite someone who accepts in a second browser, change their role, log out.
// In Dutch and in English, with and without JavaScript, with axe-core on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, checkA11y, launch, linkIn, mailTo, newContext, startApp, unique } from './support.mjs';

const TEXT = {
  nl: {
    switchTo: 'English', name: 'Naam', email: 'E-mailadres', newPassword: 'Nieuw wachtwoord',
    password: 'Wachtwoord', register: 'Account aanmaken', login: 'Inloggen', logout: /Uitloggen/,
    newOrg: 'Organisatie toevoegen', orgName: 'Naam van de organisatie', municipality: 'Gemeente',
    role: 'Rol', invite: 'Uitnodiging versturen', accept: 'Uitnodiging accepteren',
    roleOf: (n) => `Rol van ${n}`, changeRole: 'Rol wijzigen', admin: 'Beheerder', welcome: 'Welkom',
  },
  en: {
    switchTo: 'Nederlands', name: 'Name', email: 'Email address', newPassword: 'New password',
    password: 'Password', register: 'Create account', login: 'Log in', logout: /Log out/,
    newOrg: 'Add organisation', orgName: 'Name of the organisation', municipality: 'Municipality',
    role: 'Role', invite: 'Send invitation', accept: 'Accept invitation',
    roleOf: (n) => `Role of ${n}`, changeRole: 'Change role', admin: 'Administrator', welcome: 'Welcome',
  },
};

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

for (const lang of ['nl', 'en']) {
  for (const javaScriptEnabled of [true, false]) {
    test(`collaboration flow in ${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, { timeout: 120000 }, async () => {
      const t = TEXT[lang];
      const adminEmail = unique(`admin-${lang}`);
      const memberEmail = unique(`member-${lang}`);
      const first = await newContext(browser, { javaScriptEnabled, locale: 'nl-NL' });
      const page = await first.newPage();

      // Start in Dutch; switch language with the header button when the test is in English.
      await page.goto(`${app.base}/`);
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      await checkA11y(page, 'home');
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
      }

      // The skip link is the first thing the keyboard reaches.
      await page.keyboard.press('Tab');
      const focused = await page.locator(':focus').getAttribute('href');
      assert.equal(focused, '#main');

      // Register.
      await page.goto(`${app.base}/register`);
      await checkA11y(page, 'register');
      await page.getByLabel(t.name).fill('Ilse Verbeek');
      await page.getByLabel(t.email).fill(adminEmail);
      await page.getByLabel(t.newPassword).fill(PASSWORD);
      await page.getByRole('button', { name: t.register }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(t.welcome) }).waitFor();
      await checkA11y(page, 'home, logged in');

      // Log out and in again.
      await page.getByRole('button', { name: t.logout }).click();
      await page.goto(`${app.base}/login`);
      await checkA11y(page, 'login');
      await page.getByLabel(t.email).fill(adminEmail);
      await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: t.login, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(t.welcome) }).waitFor();

      // Create an organisation.
      await page.goto(`${app.base}/organisations/new`);
      await checkA11y(page, 'new organisation');
      await page.getByLabel(t.municipality, { exact: true }).check();
      await page.getByLabel(t.orgName).fill(`Gemeente Zonnedal ${lang}`);
      await page.getByRole('button', { name: t.newOrg }).click();
      await page.getByRole('heading', { level: 1, name: `Gemeente Zonnedal ${lang}` }).waitFor();
      const orgUrl = page.url();
      await checkA11y(page, 'organisation');

      // Invite a second person.
      await page.getByLabel(t.email).fill(memberEmail);
      await page.getByLabel(t.role, { exact: true }).selectOption('member');
      await page.getByRole('button', { name: t.invite }).click();
      await page.getByText(memberEmail).first().waitFor();
      const link = linkIn(await mailTo(app.mailDir, memberEmail), '/invitations/');

      // The invitee opens the link in a browser of their own, registers and accepts.
      const second = await newContext(browser, { javaScriptEnabled, locale: lang === 'en' ? 'en-GB' : 'nl-NL' });
      const invitee = await second.newPage();
      await invitee.goto(link);
      await checkA11y(invitee, 'invitation');
      await invitee.locator('#main').getByRole('link', { name: t.register }).click();
      assert.equal(await invitee.getByLabel(t.email).inputValue(), memberEmail);
      await invitee.getByLabel(t.name).fill('Joris Haverkamp');
      await invitee.getByLabel(t.newPassword).fill(PASSWORD);
      await invitee.getByRole('button', { name: t.register }).click();
      await invitee.getByRole('button', { name: t.accept }).click();
      await invitee.getByRole('heading', { level: 1, name: `Gemeente Zonnedal ${lang}` }).waitFor();
      await checkA11y(invitee, 'organisation, as the new member');
      await second.close();

      // Back in the first browser: make the new member an administrator.
      await page.goto(orgUrl);
      await page.getByLabel(t.roleOf('Joris Haverkamp')).selectOption('admin');
      const row = page.getByRole('row', { name: /Joris Haverkamp/ });
      await row.getByRole('button', { name: t.changeRole }).click();
      await page.getByRole('row', { name: /Joris Haverkamp/ }).getByRole('cell', { name: t.admin, exact: true }).waitFor();
      await checkA11y(page, 'organisation after the role change');

      await page.getByRole('button', { name: t.logout }).click();
      await page.getByRole('link', { name: t.login, exact: true }).first().waitFor();
      await first.close();
    });
  }
}
