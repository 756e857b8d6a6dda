// Starts Samenspel for one test file, on a fresh SQLite database in a temporary folder, and
// reads the mail it writes there (no SMTP server: the job worker writes `.eml` files).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `samenspel serve` (or $SAMENSPEL_BIN) and waits until /health answers 200; with
 * `{ demo: true }` the database gets the demo data first (`samenspel demo`).
 * Every installation gets a platform administrator, `admin` ({ email, password }), made with
 * `samenspel admin create-user`, to verify the municipalities the tests add.
 * Returns { base, mailDir, admin, stop }; stop() ends the process and removes the temporary
 * folder.
 */
export async function startServer({ demo = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const mailDir = join(dir, 'mail');
  const bin = process.env.SAMENSPEL_BIN || join(repo, 'target', 'debug', 'samenspel');

  // Only our settings: no SAMENSPEL_* or DATABASE_URL from the caller's shell, and the
  // temporary folder as working directory so no samenspel.toml is picked up either.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SAMENSPEL_') && k !== 'DATABASE_URL'),
  );
  Object.assign(env, {
    DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}`,
    SAMENSPEL_BASE_URL: base,
    SAMENSPEL_MAIL_DIR: mailDir,
    SAMENSPEL_AUTH_ATTEMPTS_PER_MINUTE: '1000',
    RUST_LOG: 'warn',
  });
  if (demo) {
    const loaded = spawnSync(bin, ['demo'], { cwd: dir, env, encoding: 'utf8' });
    if (loaded.status !== 0) throw new Error(`samenspel demo failed: ${loaded.stderr}`);
  }
  const admin = { email: 'platformbeheer@samenspel.test', password: 'beheer-met-een-lange-zin' };
  const created = spawnSync(
    bin,
    ['admin', 'create-user', '--email', admin.email, '--name', 'Platformbeheer', '--platform-admin'],
    { cwd: dir, env, encoding: 'utf8', input: `${admin.password}\n` },
  );
  if (created.status !== 0) throw new Error(`samenspel admin create-user failed: ${created.stderr}`);
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The app logs warnings and errors only; pass them on, marked, so a failing test shows them.
  let output = '';
  const relay = (chunk) => {
    output += chunk;
    process.stderr.write(String(chunk).replace(/^(?=.)/gm, '[samenspel] '));
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  child.once('error', (error) => { exited = { error }; });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${base}/health`);
      if (response.status === 200) return { base, mailDir, admin, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`samenspel did not become healthy at ${base} (${bin}): ${JSON.stringify(exited)}\n${output}`);
}

/** The message's header block, with folded lines joined. */
function headers(text) {
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/**
 * Waits (up to 10 s) for a mail addressed to `to` (and containing `containing`, when given) and
 * returns the newest one's text, with quoted-printable soft line breaks removed and `=3D`
 * turned back into `=`.
 */
export async function latestMail(mailDir, to, containing = '') {
  const wanted = to.toLowerCase();
  const deadline = Date.now() + 10_000;
  for (;;) {
    let files = [];
    try {
      files = readdirSync(mailDir)
        .filter((name) => name.endsWith('.eml'))
        .map((name) => join(mailDir, name))
        .map((path) => ({ path, time: statSync(path).mtimeMs }))
        .sort((a, b) => b.time - a.time);
    } catch {
      // The folder may not exist before the first mail.
    }
    for (const { path } of files) {
      const raw = readFileSync(path, 'utf8');
      const addressed = headers(raw)
        .split(/\r?\n/)
        .some((line) => /^to:/i.test(line) && line.toLowerCase().includes(wanted));
      const text = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
      if (addressed && text.includes(containing)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} in ${mailDir} after 10 s`);
    await sleep(100);
  }
}

/** The first http(s) URL in `text` that contains `marker`. */
export function linkIn(text, marker) {
  const link = (text.match(/https?:\/\/[^\s<>"]+/g) ?? []).find((url) => url.includes(marker));
  if (!link) throw new Error(`no link containing ${marker} in:\n${text}`);
  return link;
}
