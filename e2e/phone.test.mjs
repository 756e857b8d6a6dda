// Samenspel on a 390 px phone and on a 1,280 px desktop, with the demo's people. A volunteer of
// the cooperative (Dutch, no JavaScript) gets a compact header whose menu opens without a
// script, reads the kompas phase by phase, changes a member's role from a table that stacks,
// and walks every page the start page leads to without one of them scrolling sideways; the
// English-speaking warmtegroep does the same walk. The project leader sees all six tracks of the
// kompas at 1,280 px and prints it with every track on the page. axe-core checks the pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { checkA11y, keepHtml, launchBrowser, openContext } from './browser.mjs';

const DEMO_PASSWORD = 'samen-aan-de-slag';
const PHONE = { width: 390, height: 844 };

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

async function logIn(context, email) {
  const page = await context.newPage();
  await page.goto(`${app.base}/login`);
  const form = page.locator('form[action="/login"]');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.locator('form[action="/logout"]').waitFor({ state: 'attached' });
  return page;
}

/** How much wider than the window the page is (0 when it does not scroll sideways). */
function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Follows every link of the app from the start page, breadth first (downloads and feeds
 * left out), up to `limit` pages, and returns the pages that scroll sideways. Each page's HTML
 * goes to the Nu HTML Checker too.
 */
async function pagesWiderThanTheScreen(page, limit) {
  const queue = ['/'];
  const seen = new Set();
  const wide = [];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(`${app.base}${path}`);
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    const extra = await overflow(page);
    if (extra > 0) wide.push(`${path} (${extra} px too wide)`);
    await keepHtml(page, `walking ${path}`);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const link of links) {
      const next = link.split('#')[0];
      if (/\.(ics|csv|xlsx|atom)$|\/(feed|export|download|files)\b/.test(next)) continue;
      if (!seen.has(next)) queue.push(next);
    }
  }
  assert.ok(seen.size >= Math.min(limit, 30), `only ${seen.size} pages were reached`);
  return wide;
}

test('a volunteer on a phone without JavaScript: a compact header, the kompas by phase, stacked tables', async () => {
  const context = await openContext(browser, { viewport: PHONE, javaScriptEnabled: false, locale: 'nl-NL' });
  const page = await logIn(context, 'kernteam@zonnedalenergie.example');

  // The header is one bar; its menu opens without a script.
  const header = await page.locator('header').boundingBox();
  assert.ok(header.height <= 72, `the header takes ${header.height} px`);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  assert.equal(await nav.isVisible(), false, 'the menu starts closed');
  await page.locator('summary', { hasText: 'Menu' }).click();
  await nav.getByRole('link', { name: 'Wijkaanpakken', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Wijkaanpakken', exact: true }).waitFor();
  await checkA11y(page, 'approaches on a phone');

  // The kompas: five phases to open one by one, the current phase open, the matrix not shown.
  await page.getByRole('main').getByRole('link', { name: 'Wijkaanpak Zonnedal-Centrum', exact: true }).first().click();
  await page.getByRole('navigation', { name: 'Onderdelen van de wijkaanpak' }).getByRole('link', { name: 'Kompas', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Knooppunten per fase', exact: true }).waitFor();
  assert.equal(await page.locator('details.ss-phase').count(), 5);
  assert.equal(await page.locator('details.ss-phase[open]').count(), 1);
  assert.match(await page.locator('details.ss-phase[open] summary').innerText(), /Huidige fase/);
  assert.equal(await page.getByRole('table').count(), 0, 'no table on a phone');
  const phases = page.locator('details.ss-phase');
  const closedAt = await phases.evaluateAll((all) => all.findIndex((d) => !d.open));
  const closed = phases.nth(closedAt);
  assert.equal(await closed.getByRole('link').first().isVisible(), false);
  await closed.locator('summary').click();
  assert.ok(await closed.getByRole('link').first().isVisible(), 'a phase opens without a script');
  assert.equal(await overflow(page), 0);
  await checkA11y(page, 'kompas on a phone');

  // The cooperative's members: the role can be changed without scrolling sideways.
  await page.goto(`${app.base}/organisations`);
  await page.getByRole('main').getByRole('link', { name: 'Energiecoöperatie Zonnedal Energie', exact: true }).click();
  const change = page.getByRole('button', { name: 'Rol wijzigen' }).first();
  const box = await change.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the button sits at ${box.x}–${box.x + box.width}`);
  assert.equal(await overflow(page), 0);
  await checkA11y(page, 'an organisation on a phone');

  // No page the volunteer can reach scrolls sideways.
  assert.deepEqual(await pagesWiderThanTheScreen(page, 90), []);
  await context.close();
});

test('the English-speaking group on a phone: no page scrolls sideways', async () => {
  const context = await openContext(browser, { viewport: PHONE, javaScriptEnabled: false, locale: 'en-GB' });
  const page = await logIn(context, 'warmtegroep@populierenbuurt.example');
  await page.locator('summary', { hasText: 'Menu' }).waitFor();
  assert.deepEqual(await pagesWiderThanTheScreen(page, 60), []);
  await context.close();
});

test('the project leader reads and prints all six tracks of the kompas at 1,280 px', async () => {
  const context = await openContext(browser, { viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  const page = await logIn(context, 'projectleider@zonnedal.example');
  assert.equal(await page.locator('summary', { hasText: 'Menu' }).isVisible(), false, 'the menu is open on a desktop');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wijkaanpakken', exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: 'Wijkaanpak Zonnedal-Centrum', exact: true }).first().click();
  await page.getByRole('navigation', { name: 'Onderdelen van de wijkaanpak' }).getByRole('link', { name: 'Kompas', exact: true }).click();
  const kompas = page.getByRole('table', { name: 'Knooppunten per fase (rijen) en spoor (kolommen), met hun status' });
  const columns = kompas.getByRole('columnheader');
  assert.equal(await columns.count(), 7, 'the phase and six tracks');
  const tracks = [];
  for (let i = 0; i < 7; i += 1) {
    const box = await columns.nth(i).boundingBox();
    assert.ok(box.x + box.width <= 1280, `column ${i + 1} ends at ${box.x + box.width} px`);
    if (i > 0) tracks.push((await columns.nth(i).innerText()).trim());
  }
  assert.equal(await overflow(page), 0);
  await checkA11y(page, 'kompas at 1,280 px');

  // Printed: the six tracks side by side on a landscape page; the menus are left out.
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-print-'));
  try {
    const pdf = join(dir, 'kompas.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    const firstPage = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    const headerLine = firstPage.split('\n').find((line) => /^\s*Fase\s/.test(line));
    assert.ok(headerLine, `no header row on the first page:\n${firstPage}`);
    for (const track of tracks) {
      const firstWord = track.split(/\s+/)[0];
      assert.ok(headerLine.includes(firstWord), `"${track}" is not in the printed header row: ${headerLine}`);
    }
    assert.ok(!firstPage.includes('Uitloggen'), 'the menu is not printed');
    const size = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [, width, height] = size.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
    assert.ok(Number(width) > Number(height), `the page is landscape: ${width} x ${height}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A goal with a wrong target date is changed; removing one asks first.
  await page.getByRole('navigation', { name: 'Onderdelen van de wijkaanpak' }).getByRole('link', { name: 'Ambitie en doelen', exact: true }).click();
  const goals = page.getByRole('region', { name: 'Gezamenlijke doelen' });
  await goals.getByRole('link', { name: /wijzigen$/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Doel wijzigen: / }).waitFor();
  await checkA11y(page, 'changing a goal');
  await page.getByLabel('Streefdatum', { exact: true }).fill('2099-12-31');
  await page.getByRole('button', { name: 'Doel opslaan', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Het doel is opgeslagen.' }).waitFor();
  await goals.getByRole('link', { name: /wijzigen$/ }).first().click();
  await page.getByRole('button', { name: 'Doel verwijderen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Het doel “.*” verwijderen\?$/ }).waitFor();
  await checkA11y(page, 'asking before a goal is removed');
  await page.getByRole('link', { name: 'Annuleren', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Doel wijzigen: / }).waitFor();
  await context.close();
});
