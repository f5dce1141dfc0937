// "Download everything" in a real browser: a wallet with a photo, a PDF and a note is exported
// from Settings; the zip is saved, unzipped, and opened with Debian's `age` tool as the README
// says — the identity file with the passphrase (typed at age's prompt, through a
// pseudo-terminal), then every document and its metadata with that identity — and every byte
// is compared with the originals. A damaged file makes `age` fail. The plain-files option gives
// the originals, after a warning, and is not offered on a shared computer. The requests made
// meanwhile carry no plaintext and no passphrase. Phone in French, terminal in Dutch.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { accessibilityProblems } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { makePdf, makePhoto } from './lib/fixtures.mjs';
import { addFile, chooseLanguage, confirmSheet, createWallet, tabTo, writeNote } from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startProxy } from './lib/proxy.mjs';
import { findPlaintextRuns, findStrings, requestHaystacks } from './lib/scan.mjs';
import { startServer } from './lib/server.mjs';

// age 1.1.1 reads a passphrase only from a terminal: this runs it in a pseudo-terminal
// (Python's pty module), types the passphrase at its prompt and exits with age's status.
const PTY_AGE = `
import os, pty, sys
passphrase = sys.stdin.read()
pid, fd = pty.fork()
if pid == 0:
    os.execvp('age', ['age'] + sys.argv[1:])
seen = b''
try:
    while b'passphrase' not in seen.lower():
        chunk = os.read(fd, 1024)
        if not chunk:
            break
        seen += chunk
    os.write(fd, passphrase.encode('utf-8') + b'\\n')
    while True:
        chunk = os.read(fd, 1024)
        if not chunk:
            break
        seen += chunk
except OSError:
    pass
_, status = os.waitpid(pid, 0)
sys.stderr.write(seen.decode('utf-8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** `age <args>` with `passphrase` typed at its prompt; its exit status and what it printed. */
function ageWithPassphrase(args, passphrase) {
  const r = spawnSync('python3', ['-c', PTY_AGE, ...args], { input: passphrase, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, said: r.stderr };
}

/** `age <args>` without a terminal; its exit status, output and error text. */
function age(args) {
  const r = spawnSync('age', args, { timeout: 60_000 });
  return { status: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
}

/** Every file under `dir`, by its path relative to `dir` (with `/`). */
function tree(dir, at = '') {
  return readdirSync(path.join(dir, at), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tree(dir, path.posix.join(at, e.name)) : [path.posix.join(at, e.name)],
  ).sort();
}

/** Saves a download and unzips it into a new directory; its path and the zip's listing. */
async function unzipped(download, work, name) {
  const zip = path.join(work, `${name}.zip`);
  await download.saveAs(zip);
  const dir = path.join(work, name);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return { dir, listing: execFileSync('unzip', ['-v', zip], { encoding: 'utf8' }) };
}

const SCENARIOS = [
  ['phone', 'fr'],
  ['terminal', 'nl'],
];

for (const [viewportName, lang] of SCENARIOS) {
  test(`${viewportName}, ${lang}: the export opens with the age tool, byte for byte`, { timeout: 900_000 }, async () => {
    const t = messages(lang);
    const server = await startServer();
    const proxy = await startProxy(server.url);
    const browser = await launch(VIEWPORTS[viewportName]);
    const { page, context } = browser;
    page.setDefaultTimeout(30_000);
    const work = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-export-'));
    const problems = [];
    const check = async (screen) => problems.push(...(await accessibilityProblems(page, screen)));
    try {
      const marker = `pdemarker${Date.now().toString(36)}`;
      const photo = await makePhoto(context, marker, { width: 1200, height: 900 });
      const pdf = makePdf(marker);
      const docs = [
        { title: `Carte ${marker} photo`, category: 'identity', note: `Renouveler ${marker} en mai`, bytes: photo,
          file: { name: `carte-${marker}.jpg`, mimeType: 'image/jpeg', buffer: photo } },
        { title: `Attestation ${marker} pdf`, category: 'social_aid', note: `Rendez-vous ${marker} mardi`, bytes: pdf,
          file: { name: `attestation-${marker}.pdf`, mimeType: 'application/pdf', buffer: pdf } },
        { title: `Histoire ${marker}`, category: 'my_story', note: null,
          bytes: Buffer.from(`Mon histoire ${marker}.\nJe suis arrivé à Bruxelles en hiver.\n${'Ligne de texte. '.repeat(20)}`, 'utf8') },
      ];

      await page.goto(proxy.url);
      await chooseLanguage(page, t, lang);
      const { passphrase, code } = await createWallet(page, t);
      await confirmSheet(page, t, code);
      for (const d of docs.slice(0, 2)) {
        await addFile(page, t, { via: 'choose-file', file: d.file, title: d.title, category: d.category, note: d.note });
      }
      await writeNote(page, t, { title: docs[2].title, text: docs[2].bytes.toString('utf8') });
      for (const d of docs) await page.locator('button.doc', { hasText: d.title }).waitFor();

      // Settings, by keyboard.
      await tabTo(page, t('settings-open'));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: t('export-title') }).waitFor();
      await check('settings');
      await tabTo(page, t('export-start'));
      await page.keyboard.press('Enter');
      const field = page.getByLabel(t('export-passphrase-label'), { exact: true });
      await field.waitFor();
      await page.getByText(t('export-passphrase-lead')).waitFor();
      // The export's own passphrase (as after a recovery-code opening), not the wallet's.
      const exportPassphrase = `sortie ${marker} vélo`;
      assert.notEqual(exportPassphrase, passphrase);
      await field.fill(exportPassphrase);
      await page.getByLabel(t('export-passphrase-again'), { exact: true }).fill(`${exportPassphrase}x`);
      await page.getByRole('button', { name: t('export-submit') }).click();
      await page.getByRole('alert').filter({ hasText: t('export-passphrase-mismatch') }).waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      await check('export-mismatch');
      await page.getByLabel(t('export-passphrase-again'), { exact: true }).fill(exportPassphrase);

      // Every state of the progress bar, as the page shows it.
      await page.evaluate(() => {
        window.__bars = [];
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          if (bar) window.__bars.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const before = proxy.records.length;
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 300_000 }),
        page.getByRole('button', { name: t('export-submit') }).click(),
      ]);
      const today = new Date().toISOString().slice(0, 10);
      assert.equal(download.suggestedFilename(), `pde-export-${today}.zip`);
      await page.getByRole('status').filter({ hasText: `pde-export-${today}.zip` }).waitFor();
      await check('export-done');
      const bars = await page.evaluate(() => window.__bars);
      assert.ok(bars.length > 0 && bars.every((b) => /^[0-3]\/3$/.test(b)), `the progress bar counts the 3 documents: ${bars}`);
      const counts = bars.map((b) => Number(b.split('/')[0]));
      assert.ok(counts.every((n, i) => i === 0 || n >= counts[i - 1]), 'and only goes forward');
      const scrypt = await Promise.all(page.workers().map((w) => w.evaluate(() => performance.getEntriesByName('pde-export-scrypt').map((e) => e.duration))));
      console.log(`export_scrypt_ms=${scrypt.flat().map((ms) => ms.toFixed(0)).join(',')} (${viewportName})`);

      const { dir, listing } = await unzipped(download, work, 'export');
      assert.deepEqual(tree(dir), [
        'README.txt', 'documents/1.age', 'documents/1.json.age', 'documents/2.age', 'documents/2.json.age',
        'documents/3.age', 'documents/3.json.age', 'identity.age',
      ]);
      assert.ok(!listing.includes('Defl'), `every entry is stored, not deflated:\n${listing}`);
      // The README, in the holder's language, says how to open it.
      const readme = readFileSync(path.join(dir, 'README.txt'), 'utf8');
      for (const id of ['export-readme-intro', 'export-readme-names', 'export-readme-step-identity', 'export-readme-damaged']) {
        assert.ok(readme.includes(t(id)), `the README says ${id}`);
      }
      assert.ok(readme.includes('age -d -o identity.txt identity.age'));
      assert.ok(readme.includes('age -d -i identity.txt -o document-1 documents/1.age'));

      // The identity file: a wrong passphrase fails, the right one opens it.
      const identity = path.join(work, 'identity.txt');
      const wrong = ageWithPassphrase(['-d', '-o', path.join(work, 'wrong.txt'), path.join(dir, 'identity.age')], passphrase);
      assert.notEqual(wrong.status, 0, 'the wallet passphrase does not open an export made with another one');
      const opened = ageWithPassphrase(['-d', '-o', identity, path.join(dir, 'identity.age')], exportPassphrase);
      assert.equal(opened.status, 0, `age opens identity.age with the passphrase: ${opened.said}`);
      assert.match(readFileSync(identity, 'utf8'), /^AGE-SECRET-KEY-1[0-9A-Z]+\n$/);

      // Every document and its metadata, with that identity.
      const found = new Set();
      for (const n of [1, 2, 3]) {
        const meta = age(['-d', '-i', identity, path.join(dir, `documents/${n}.json.age`)]);
        assert.equal(meta.status, 0, meta.err);
        const json = JSON.parse(meta.out.toString('utf8'));
        const doc = docs.find((d) => d.title === json.title);
        assert.ok(doc, `documents/${n}.json.age names one of the documents: ${json.title}`);
        found.add(doc.title);
        assert.equal(json.category, doc.category);
        assert.equal(json.note, doc.note);
        assert.equal(json.thumb, undefined, 'no thumbnail in the metadata file');
        assert.match(json.added, /^\d{4}-\d\d-\d\dT/);
        const out = path.join(work, `document-${n}`);
        const content = age(['-d', '-i', identity, '-o', out, path.join(dir, `documents/${n}.age`)]);
        assert.equal(content.status, 0, content.err);
        assert.ok(readFileSync(out).equals(doc.bytes), `documents/${n}.age is "${doc.title}", byte for byte`);
      }
      assert.equal(found.size, 3);

      // A damaged file: age's own error, as the README shows it, and a non-zero exit.
      const damaged = readFileSync(path.join(dir, 'documents/1.age'));
      damaged[Math.floor(damaged.length / 2)] ^= 0x01;
      writeFileSync(path.join(work, 'damaged.age'), damaged);
      const refused = age(['-d', '-i', identity, '-o', path.join(work, 'damaged.out'), path.join(work, 'damaged.age')]);
      assert.notEqual(refused.status, 0, 'age refuses a damaged file');
      const ageError = refused.err.split('\n')[0];
      assert.match(ageError, /^age: error: /);
      assert.ok(readme.includes(ageError), `the README shows age's own error: ${ageError}`);

      // What the browser sent meanwhile: no plaintext, no passphrase, no title, no note.
      const during = proxy.records.slice(before);
      assert.ok(during.some((r) => r.method === 'GET' && r.url.endsWith('/content')), 'the proxy saw the documents fetched');
      const sent = requestHaystacks(during);
      const needles = [exportPassphrase, passphrase, marker, ...docs.flatMap((d) => [d.title, d.note].filter(Boolean))];
      assert.deepEqual(findStrings(needles, sent), []);
      assert.deepEqual(findPlaintextRuns(docs.map((d) => ({ name: d.title, bytes: d.bytes })), sent), []);

      // The plain files, after the warning.
      await page.getByRole('button', { name: t('export-plain-start') }).click();
      await page.getByText(t('export-plain-warning')).waitFor();
      await check('export-plain-warning');
      const [plain] = await Promise.all([
        page.waitForEvent('download', { timeout: 300_000 }),
        page.getByRole('button', { name: t('export-plain-submit') }).click(),
      ]);
      assert.equal(plain.suggestedFilename(), `pde-plain-${today}.zip`);
      const files = await unzipped(plain, work, 'plain');
      const names = tree(files.dir);
      assert.equal(names.length, 3);
      for (const d of docs) {
        const name = names.find((f) => f.endsWith(`-${d.file?.name ?? `${d.title}.txt`}`));
        assert.ok(name, `the plain files hold ${d.title}: ${names}`);
        assert.ok(readFileSync(path.join(files.dir, name)).equals(d.bytes), `${name} is the original, byte for byte`);
      }

      // On a shared computer the plain files are not offered.
      await page.evaluate(() => sessionStorage.setItem('pde-shared-computer', '1'));
      await page.getByRole('region', { name: t('wallet-delete-title') }).getByRole('button', { name: t('back'), exact: true }).click();
      await page.locator('button.doc', { hasText: docs[0].title }).waitFor();
      await tabTo(page, t('settings-open'));
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: t('export-start') }).waitFor();
      assert.equal(await page.getByRole('button', { name: t('export-plain-start') }).count(), 0, 'no plain files on a shared computer');

      assert.deepEqual(problems, []);
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.close();
      await proxy.stop();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    }
  });
}
