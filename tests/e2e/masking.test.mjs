// "Hide until…", enforced by the server, in French on a phone and in Dutch on a terminal: a
// holder makes 4 documents (one of them shared by a link), hides 2 until tonight 20:00 (the
// confirmation says the link ends), quits, and opens the wallet with the passphrase: 2
// documents, and the page's element tree is that of a wallet that really has only those 2.
// Opened with the recovery code: still 2. Once the server's clock passes 20:00: 4. No API answer
// of the masked period carries the ids, envelopes, metadata or sizes of the 2 hidden documents.
// The server's clock is the test build's clock file (README: PDE_TEST_CLOCK_FILE); the
// browser's is Playwright's fake clock, so "tonight" is known.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { accessibilityProblems } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { chooseLanguage, confirmSheet, createWallet, escapeRe, generatedPassphrase, openWallet, quit, writeNote } from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startServer } from './lib/server.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });

/** 18:00 in Brussels, the browser's and the server's time when the story starts. */
const START = Date.parse('2026-12-01T18:00:00+01:00');
/** 20:00 the same evening: "tonight". */
const TONIGHT = Date.parse('2026-12-01T20:00:00+01:00');

/** Runs SQL on the server's SQLite file with the sqlite3 tool; its rows, split on `|`. */
function rows(server, query) {
  return execFileSync('sqlite3', [path.join(server.dataDir, 'pde.sqlite'), query], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));
}

/**
 * The page's element tree under <body>: tags, roles and attributes, without text and without
 * what names one wallet's things (ids, document ids, labels made of text, links).
 */
async function elementTree(page) {
  return page.evaluate(() => {
    const skip = new Set(['id', 'for', 'data-doc', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-label', 'title', 'alt', 'placeholder', 'value', 'src', 'href']);
    const walk = (el) => ({
      tag: el.tagName.toLowerCase(),
      attrs: [...el.attributes].filter((a) => !skip.has(a.name)).map((a) => `${a.name}=${a.value}`).sort(),
      children: [...el.children].map(walk),
    });
    return walk(document.body);
  });
}

/** The wallet's home with `n` documents listed and every one of them decrypted. */
async function homeWith(page, t, n) {
  await h1(page, t('wallet-title')).waitFor({ timeout: 60_000 });
  await page.waitForFunction((count) => document.querySelectorAll('ul.docs > li').length === count && !document.querySelector('.docs .pending'), n);
  // The "opening more documents" line has gone: the list is whole.
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((s) => s.closest('section[aria-labelledby="docs-title"]')));
}

async function openWithRecovery(page, t, pseudonym, code) {
  await page.getByRole('button', { name: t('recover-start') }).click();
  await page.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
  await page.getByLabel(t('field-recovery-code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t('recover-submit') }).click();
  await h1(page, t('recover-new-title')).waitFor({ timeout: 60_000 });
  const passphrase = await generatedPassphrase(page);
  await page.getByRole('button', { name: t('recover-new-submit') }).click();
  await h1(page, t('recover-saved-title')).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: t('recover-saved-continue') }).click();
  return passphrase;
}

/** Makes a link (with its proposed PIN) to the document titled `title`, back to the list. */
async function linkTo(page, t, title) {
  await page.getByRole('button', { name: t('share-start') }).click();
  await h1(page, t('share-title')).waitFor();
  await page.getByRole('checkbox', { name: new RegExp(escapeRe(title)) }).check();
  await page.getByRole('button', { name: t('next'), exact: true }).click();
  await h1(page, t('share-who-title')).waitFor();
  await page.getByRole('button', { name: t('share-make-link') }).click();
  await h1(page, t('link-make-title')).waitFor();
  await page.getByRole('button', { name: t('link-confirm') }).click();
  await h1(page, t('link-done-title')).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: t('back-to-documents') }).click();
  await h1(page, t('wallet-title')).waitFor();
}

for (const { lang, viewport } of [
  { lang: 'fr', viewport: 'phone' },
  { lang: 'nl', viewport: 'terminal' },
]) {
  test(`hidden until 20:00, on the ${viewport} in ${lang}: gone for every key, back after`, { timeout: 900_000 }, async () => {
    const t = messages(lang);
    const clockDir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-clock-'));
    const clockFile = path.join(clockDir, 'now');
    const setServerClock = (ms) => writeFileSync(clockFile, String(Math.floor(ms / 1000)));
    setServerClock(START);
    const server = await startServer({ PDE_TEST_CLOCK_FILE: clockFile });
    const browser = await launch(VIEWPORTS[viewport], { timezoneId: 'Europe/Brussels' });
    const { page } = browser;
    page.setDefaultTimeout(30_000);
    const problems = [];
    const check = async (screen) => problems.push(...(await accessibilityProblems(page, screen)));
    // Every API answer, with its body, while recording is on.
    const answers = [];
    let recording = false;
    page.on('response', async (r) => {
      if (!recording || !new URL(r.url()).pathname.startsWith('/api/')) return;
      const entry = { url: r.url(), status: r.status(), body: Buffer.alloc(0) };
      answers.push(entry);
      entry.body = await r.body().catch(() => Buffer.alloc(0));
    });
    try {
      await page.clock.install({ time: START });
      await page.goto(server.url);
      await chooseLanguage(page, t, lang);

      // A wallet that really has 2 documents, to compare with.
      const other = await createWallet(page, t);
      await confirmSheet(page, t, other.code);
      await writeNote(page, t, { title: 'Kept one', text: 'first kept note' });
      await writeNote(page, t, { title: 'Kept two', text: 'second kept note' });
      await quit(page, t);
      await openWallet(page, t, other.pseudonym, other.passphrase);
      await homeWith(page, t, 2);
      const reference = await elementTree(page);
      await quit(page, t);

      // The holder's wallet: 4 documents; the 2 to hide are longer, so their sizes differ.
      const { pseudonym, passphrase, code } = await createWallet(page, t);
      await confirmSheet(page, t, code);
      await writeNote(page, t, { title: 'Visible A', text: 'a short note' });
      await writeNote(page, t, { title: 'Secret B', text: 'B'.repeat(3000) });
      await writeNote(page, t, { title: 'Visible C', text: 'another short note' });
      await writeNote(page, t, { title: 'Secret D', text: 'D'.repeat(9000) });
      await homeWith(page, t, 4);
      await linkTo(page, t, 'Secret B');
      const idOf = async (title) => page.locator('button.doc', { hasText: title }).getAttribute('data-doc');
      const hiddenIds = [await idOf('Secret B'), await idOf('Secret D')];
      const visibleIds = [await idOf('Visible A'), await idOf('Visible C')];
      const stored = new Map(rows(server, 'SELECT id, size, hex(metadata), hex(envelope) FROM documents').map(([id, size, meta, env]) => [id, { size: Number(size), meta, env }]));
      const b64 = (hex) => Buffer.from(hex, 'hex').toString('base64');
      const needles = hiddenIds.flatMap((id) => {
        const d = stored.get(id);
        return [['id', id], ['metadata', b64(d.meta)], ['envelope', b64(d.env)], ['size', `"size":${d.size}`]];
      });
      for (const id of visibleIds) {
        assert.ok(!hiddenIds.map((h) => stored.get(h).size).includes(stored.get(id).size), 'the hidden sizes are their own');
      }

      // Hide until…: a time already past is refused, then tonight.
      await page.getByRole('button', { name: t('hide-start') }).click();
      await h1(page, t('hide-title')).waitFor();
      await check('hide');
      for (const title of ['Secret B', 'Secret D']) await page.getByRole('checkbox', { name: new RegExp(escapeRe(title)) }).check();
      await page.getByRole('radio', { name: new RegExp(`^${escapeRe(t('hide-when-custom'))}`) }).check();
      await page.getByLabel(t('hide-date'), { exact: true }).fill('2026-12-01');
      await page.getByLabel(t('hide-time'), { exact: true }).fill('17:30');
      await page.getByRole('button', { name: t('hide-next'), exact: true }).click();
      await page.getByRole('alert').filter({ hasText: t('err-hide_until_past') }).waitFor();
      assert.equal(await page.getByLabel(t('hide-date'), { exact: true }).getAttribute('aria-invalid'), 'true');
      await check('hide-past');
      await page.getByRole('radio', { name: new RegExp(`^${escapeRe(t('hide-when-tonight'))}`) }).check();
      await page.getByRole('button', { name: t('hide-next'), exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      await dialog.getByText(t('hide-leaves-link', { title: 'Secret B' })).waitFor();
      assert.equal(await dialog.getByText(/Secret D/).count(), 0, 'only the shared document is named');
      await check('hide-confirm');
      recording = true;
      await dialog.getByRole('button', { name: t('hide-confirm'), exact: true }).click();
      await homeWith(page, t, 2);
      await check('home-after-hiding');

      // Opened again with the passphrase: 2 documents, and nothing else differs from a
      // wallet that has 2.
      await quit(page, t);
      await openWallet(page, t, pseudonym, passphrase);
      await homeWith(page, t, 2);
      assert.deepEqual(await elementTree(page), reference, 'the element tree is that of a wallet with 2 documents');
      assert.equal(await page.getByText('Secret', { exact: false }).count(), 0);
      await check('home-masked');

      // With the recovery code: still 2.
      await quit(page, t);
      const newPassphrase = await openWithRecovery(page, t, pseudonym, code);
      await homeWith(page, t, 2);
      assert.deepEqual(await elementTree(page), reference, 'the same with the recovery code');
      await quit(page, t);
      recording = false;

      // The server's clock passes 20:00: all 4 are back.
      setServerClock(TONIGHT + 60_000);
      await openWallet(page, t, pseudonym, newPassphrase);
      await homeWith(page, t, 4);
      for (const title of ['Secret B', 'Secret D']) await page.locator('button.doc', { hasText: title }).waitFor();

      assert.ok(answers.length > 10, `API answers were recorded (${answers.length})`);
      assert.ok(answers.some((a) => a.url.endsWith('/api/v1/documents') && a.body.includes(visibleIds[0])), 'the list answers were read');
      const leaks = [];
      for (const a of answers) {
        const text = a.body.toString('latin1');
        for (const [what, needle] of needles) if (text.includes(needle)) leaks.push(`${a.url} carries a hidden document's ${what}`);
      }
      assert.deepEqual(leaks, [], 'no API answer of the masked period carries the hidden documents');
      assert.deepEqual(problems, [], 'no accessibility problem');
      // (A resource answered 401 is logged by Chromium as a console error: a Quit's log-out
      // may race the session's end, so only script errors count here.)
      assert.deepEqual(browser.problems.filter((p) => p.startsWith('pageerror')), [], 'no script error');
    } finally {
      await browser.close();
      await server.stop();
      server.cleanup();
      rmSync(clockDir, { recursive: true, force: true });
    }
  });
}
