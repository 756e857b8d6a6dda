// The Nu HTML Checker (vnu.jar from the npm package vnu-jar, run by the machine's Java) on every
// page the browser tests checked with axe: checkA11y keeps each page's HTML as the app sent it
// in target/e2e-html. Any error fails the run, listed per page with the test's label.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HTML_DIR } from './browser.mjs';

const require = createRequire(import.meta.url);
const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

const pages = existsSync(HTML_DIR) ? readdirSync(HTML_DIR).filter((name) => name.endsWith('.html')) : [];
if (pages.length === 0) {
  console.error(`check-html: no pages in ${HTML_DIR}; run the browser tests first`);
  process.exit(1);
}

// vnu writes its JSON report to stderr.
const checked = spawnSync(
  'java',
  ['-Xss2m', '-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...pages.map((name) => join(HTML_DIR, name))],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (checked.status !== 0) {
  console.error(`check-html: the checker did not run: ${checked.error ?? checked.stderr}`);
  process.exit(1);
}
const report = checked.stderr;

const messages = JSON.parse(report).messages.filter((m) => m.type === 'error');
const byPage = new Map();
for (const message of messages) {
  const file = decodeURIComponent(new URL(message.url).pathname);
  if (!byPage.has(file)) byPage.set(file, []);
  byPage.get(file).push(message);
}
for (const [file, found] of byPage) {
  console.error(`\n${readFileSync(`${file}.txt`, 'utf8').trim()}`);
  for (const m of found) {
    console.error(`  line ${m.lastLine}: ${m.message}\n    ${(m.extract ?? '').replace(/\n/g, ' ')}`);
  }
}
console.log(`check-html: ${pages.length} pages, ${messages.length} errors`);
process.exit(messages.length === 0 ? 0 : 1);
