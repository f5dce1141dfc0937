// Nothing left on the computer: a whole journey in a Chromium with a persistent profile
// directory (create a wallet, add a photo and a PDF, write a note, view them, share one by
// link, quit), then the browser is closed, and every file of the profile directory (cache,
// code cache, history, autofill "Web Data", "Login Data", local and session storage,
// IndexedDB, service workers, Preferences, the session files) is scanned for what the person
// typed or saw: the pseudonym, the passphrase, the recovery code, titles, file names, the note,
// the marker, the link's secret, and any 32-byte run of a document's plaintext. Once as
// anybody, once with "I am on a shared computer" ticked.
//
// The scan is not blind: the same run puts a control string in the origin's localStorage
// and must find it in the profile, and must find the app's own script in the browser's cache.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { VIEWPORTS } from './lib/browser.mjs';
import { makePdf, makePhoto } from './lib/fixtures.mjs';
import {
  addFile, closeDocument, confirmSheet, createWallet, escapeRe, listThumbnail, openDocument, openWallet, quit, writeNote,
} from './lib/flows.mjs';
import { openApp } from './lib/app.mjs';
import { DIST_DIR } from './lib/paths.mjs';
import { filesUnder, findPlaintextRuns } from './lib/scan.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });

/**
 * Every form a string may take in a browser's files: UTF-8, UTF-16LE (V8 and Blink write
 * two-byte strings so, LevelDB values of localStorage too), JSON- and URL-escaped, and Base64
 * of its UTF-8 at each of the three alignments (edge characters, which depend on the
 * neighbouring bytes, left out).
 */
export function stringForms(s) {
  const utf8 = Buffer.from(s, 'utf8');
  const forms = new Map();
  const add = (label, bytes) => {
    if (bytes.length >= 4) forms.set(`${label}:${bytes.toString('hex')}`, { label, bytes });
  };
  for (const v of new Set([s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])) {
    add('UTF-8', Buffer.from(v, 'utf8'));
    add('UTF-16LE', Buffer.from(v, 'utf16le'));
  }
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad), utf8]).toString('base64');
    const start = Math.ceil((pad * 4) / 3) + (pad ? 1 : 0);
    const end = Math.floor(((pad + utf8.length) * 4) / 3) - 1;
    add(`Base64 (alignment ${pad})`, Buffer.from(b64.slice(start, end), 'ascii'));
  }
  return [...forms.values()];
}

/** "what" found in which file, for every needle in any of its forms. */
function findEverywhere(needles, files) {
  const hits = [];
  for (const { what, value } of needles) {
    for (const f of stringForms(value)) {
      for (const file of files) if (file.bytes.indexOf(f.bytes) !== -1) hits.push(`${what} (${f.label}) in ${file.name}`);
    }
  }
  return hits;
}

/** The Base64 text of a plaintext as bytes, for the 32-byte run search (a data: URL, say). */
const base64Of = (name, bytes) => ({ name: `${name} in Base64`, bytes: Buffer.from(bytes.toString('base64'), 'ascii') });

for (const shared of [false, true]) {
  const mode = shared ? 'with "I am on a shared computer"' : 'as anybody';
  test(`nothing of a wallet is left in the browser's profile directory after Quit, ${mode}`, { timeout: 600_000 }, async (tc) => {
    const env = await openApp({ viewport: VIEWPORTS.terminal, lang: 'fr', launchOptions: { keepProfile: true } });
    const { page, t, browser } = env;
    try {
      const marker = `pdeleft${randomBytes(6).toString('hex')}`;
      const control = `pdecontrol${randomBytes(6).toString('hex')}`;
      const pdf = makePdf(marker);
      const photo = await makePhoto(browser.context, marker, { width: 1200, height: 900 });
      const photoName = `carte-identite-${marker}.jpg`;
      const pdfName = `attestation-cpas-${marker}.pdf`;
      const photoTitle = `Carte ${marker} photo`;
      const pdfTitle = `Attestation ${marker} pdf`;
      const pdfNote = `Note du CPAS ${marker} rendez-vous mardi`;
      const noteTitle = `Histoire ${marker}`;
      const noteText = `Mon histoire ${marker}. Je dors près de la gare du Midi depuis octobre, et personne ne le sait.`;

      await h1(page, t('start-title')).waitFor();
      const sharedBox = page.getByRole('checkbox', { name: t('shared-computer'), exact: true });
      assert.equal(await sharedBox.isChecked(), false, 'off unless the person says so');
      if (shared) await sharedBox.check();

      const { pseudonym, passphrase, code } = await createWallet(page, t);
      await confirmSheet(page, t, code);
      await addFile(page, t, { via: 'take-photo', file: { name: photoName, mimeType: 'image/jpeg', buffer: photo }, title: photoTitle, category: 'identity' });
      await addFile(page, t, {
        via: 'choose-file', file: { name: pdfName, mimeType: 'application/pdf', buffer: pdf }, title: pdfTitle, category: 'social_aid', date: '2024-05-01', note: pdfNote,
      });
      await writeNote(page, t, { title: noteTitle, text: noteText });
      const thumb = await listThumbnail(page, photoTitle);
      assert.ok(thumb, 'the photo has a thumbnail');

      // Quit and open again with the pseudonym and passphrase typed on the start page, as a
      // person does each time (the form a browser would remember).
      await quit(page, t);
      await openWallet(page, t, pseudonym, passphrase);
      await h1(page, t('wallet-title')).waitFor({ timeout: 60_000 });

      // View both files.
      await openDocument(page, t, photoTitle);
      await page.waitForFunction(() => document.querySelector('[data-testid="doc-image"]')?.naturalWidth > 0);
      await closeDocument(page, t);
      await openDocument(page, t, pdfTitle);
      await page.getByTestId('doc-pdf').waitFor();
      // Chromium's PDF viewer gets the time to draw it.
      await page.waitForTimeout(1500);
      await closeDocument(page, t);

      // Share the PDF by link.
      await page.getByRole('button', { name: t('share-start') }).click();
      await h1(page, t('share-title')).waitFor();
      await page.getByRole('checkbox', { name: new RegExp(escapeRe(pdfTitle)) }).check();
      await page.getByRole('button', { name: t('next'), exact: true }).click();
      await h1(page, t('share-who-title')).waitFor();
      await page.getByRole('button', { name: t('share-make-link') }).click();
      await h1(page, t('link-make-title')).waitFor();
      await page.getByRole('button', { name: t('link-confirm') }).click();
      await h1(page, t('link-done-title')).waitFor({ timeout: 30_000 });
      const link = (await page.getByTestId('share-link').textContent()).trim();
      const secret = new URL(link).hash.slice(1);
      assert.ok(secret.length >= 20, 'the link carries its secret in the fragment');
      const pin = (await page.getByTestId('share-pin').textContent()).replace(/\D/g, '');

      if (shared) {
        // The reminder to close the browser comes with the notice that the wallet is closed.
        await quit(page, t);
        await page.getByTestId('close-browser').filter({ hasText: t('shared-close-browser') }).waitFor();
      } else {
        await quit(page, t);
        assert.equal(await page.getByTestId('close-browser').count(), 0, 'no reminder unless the computer is said to be shared');
      }

      // The control: a string the test itself stores for this origin, which the scan must find.
      await page.evaluate((c) => localStorage.setItem('pde-e2e-control', c), control);
      assert.equal(await page.evaluate(() => localStorage.length), 1, 'the app itself keeps nothing in localStorage (only the control)');

      // The browser is closed, as at the end of a session at a public terminal.
      await browser.context.close();
      const files = filesUnder(browser.userDataDir);
      const names = files.map((f) => path.relative(browser.userDataDir, f.name));
      const total = files.reduce((n, f) => n + f.bytes.length, 0);
      assert.ok(files.length > 20, `the profile holds files (${files.length}, ${total} bytes)`);
      tc.diagnostic(`scanned ${files.length} files, ${total} bytes: ${names.filter((n) => !/\/(Cache|Code Cache)\//.test(n)).join(', ')}`);
      for (const want of ['Default/History', 'Default/Web Data', 'Default/Login Data', 'Default/Preferences']) {
        assert.ok(names.includes(want), `the profile has ${want} to scan`);
      }
      assert.ok(names.some((n) => n.startsWith('Default/Local Storage/')), 'local storage is on disk');
      assert.ok(names.some((n) => n.startsWith('Default/Cache/')), 'the HTTP cache is on disk');

      // Not blind: the control string is found, and so is the app's script as cached.
      assert.ok(findEverywhere([{ what: 'control', value: control }], files).length > 0, 'the scan finds the control string the test stored');
      const assets = readdirSync(path.join(DIST_DIR, 'assets')).filter((n) => n.endsWith('.js.br'));
      const script = assets.map((n) => ({ name: n, bytes: readFileSync(path.join(DIST_DIR, 'assets', n)) }));
      assert.ok(findPlaintextRuns(script, files).length > 0, 'the scan finds 32-byte runs of the app\'s cached script');

      // What the person typed or saw, in any form, in any file.
      const needles = [
        { what: 'the pseudonym', value: pseudonym },
        { what: 'the passphrase', value: passphrase },
        { what: 'the recovery code', value: code },
        { what: 'the recovery code without dashes', value: code.replace(/-/g, '') },
        { what: 'the marker', value: marker },
        { what: 'the photo title', value: photoTitle },
        { what: 'the PDF title', value: pdfTitle },
        { what: 'the note title', value: noteTitle },
        { what: 'the photo file name', value: photoName },
        { what: 'the PDF file name', value: pdfName },
        { what: 'the PDF note', value: pdfNote },
        { what: 'the note text', value: noteText },
        { what: 'the link secret', value: secret },
        { what: 'the link', value: link },
      ];
      assert.deepEqual(findEverywhere(needles, files), [], 'nothing typed or shown is in the profile');
      const plaintexts = [
        { name: 'the PDF', bytes: pdf },
        { name: 'the photo', bytes: photo },
        { name: 'the note', bytes: Buffer.from(noteText, 'utf8') },
        { name: 'the thumbnail', bytes: thumb.bytes },
      ];
      const runs = [...plaintexts, ...plaintexts.map((p) => base64Of(p.name, p.bytes))];
      assert.deepEqual(findPlaintextRuns(runs, files), [], 'no 32-byte run of a document, raw or in Base64, is in the profile');
      assert.ok(pin.length === 6);
    } finally {
      await env.close();
      browser.removeProfile();
    }
  });
}
