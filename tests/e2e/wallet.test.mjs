// The holder's main journey in a real browser, at phone and terminal size, in French and
// Dutch, and at phone size in Arabic (right to left): create → recovery sheet → add a photo, a PDF and a note → quit → reopen → view →
// rename → quit → reopen with the recovery code → delete → quit. Then no plaintext may
// appear in any request the browser sent, nor in the database or the blob store.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { makePdf, makePhoto } from './lib/fixtures.mjs';
import {
  addFile, chooseLanguage, downloadBytes, escapeRe, generatedPassphrase, imageLoads, closeDocument, confirmSheet, createWallet, leftovers, listThumbnail,
  openDocument, openWallet, placement, quit, screenshotter, writeNote,
} from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startProxy } from './lib/proxy.mjs';
import { assertDatabaseScanned, filesUnder, findPlaintextRuns, findStrings, requestHaystacks } from './lib/scan.mjs';
import { startServer } from './lib/server.mjs';

// The last one runs on PostgreSQL, the others on SQLite.
const SCENARIOS = [
  ['phone', 'fr', 'sqlite'],
  ['phone', 'nl', 'sqlite'],
  ['terminal', 'fr', 'sqlite'],
  ['terminal', 'nl', 'postgres'],
  ['phone', 'ar', 'sqlite'],
];

/**
 * Where the header's Quit button and the first document's icon sit: in a left-to-right page
 * Quit is at the right end and the icon left of the title; right to left, both the other way.
 */
async function mirrored(page) {
  return page.evaluate(() => {
    const mid = window.innerWidth / 2;
    const quit = document.querySelector('header .quit').getBoundingClientRect();
    const icon = document.querySelector('.docs .doc .icon, .docs .doc .thumb')?.getBoundingClientRect();
    const title = document.querySelector('.docs .doc .doc-title')?.getBoundingClientRect();
    return {
      dir: document.documentElement.dir,
      quitSide: quit.left + quit.width / 2 > mid ? 'right' : 'left',
      iconSide: icon && title ? (icon.left > title.left ? 'right' : 'left') : null,
    };
  });
}

for (const [viewportName, lang, database] of SCENARIOS) {
  test(`holder journey, ${viewportName} ${VIEWPORTS[viewportName].width}×${VIEWPORTS[viewportName].height}, ${lang}, ${database}`, { timeout: 600_000 }, async () => {
    const t = messages(lang);
    // The other language of the scenario, for switches in the middle of a step.
    // (Not French for Arabic: Arabic passphrases take French words, see words.ts.)
    const otherLang = lang === 'fr' ? 'nl' : lang === 'nl' ? 'fr' : 'nl';
    const rtl = lang === 'ar';
    const tOther = messages(otherLang);
    const server = await startServer({}, { database });
    const proxy = await startProxy(server.url);
    // The profile stays on disk after the browser closes: the test reads what it kept.
    const browser = await launch(VIEWPORTS[viewportName], { keepProfile: true });
    const { page, context } = browser;
    page.setDefaultTimeout(30_000);
    if (rtl) {
      // This device has an Arabic voice: "Listen" is offered, and what it is asked to say is
      // recorded instead of being spoken.
      await context.addInitScript(() => {
        window.__spoken = [];
        speechSynthesis.getVoices = () => [{ name: 'العربية', lang: 'ar-MA', voiceURI: 'test-ar', localService: true, default: true }];
        speechSynthesis.speak = (u) => window.__spoken.push({ lang: u.lang, text: u.text });
        speechSynthesis.cancel = () => undefined;
      });
    }
    /** Presses "Listen" and returns what the page asked the device to say. */
    const listen = async () => {
      await page.getByRole('button', { name: t('listen'), exact: true }).click();
      return (await page.evaluate(() => window.__spoken)).at(-1);
    };
    const plain = (s) => s.replace(/[\u2068\u2069]/g, '');
    // Every screen that gets a screenshot is also checked for accessibility problems.
    const a11y = [];
    const shot = checkedScreenshotter(screenshotter, page, `${viewportName}-${lang}`, a11y);
    try {
      const marker = `pdemarker${randomBytes(6).toString('hex')}`;
      const pdf = makePdf(marker);
      const photo = await makePhoto(context, marker);
      assert.ok(photo.length > 1_000_000, `a 12-megapixel photo is big (${photo.length} bytes)`);
      const photoName = `carte-identite-${marker}.jpg`;
      const pdfName = `attestation-cpas-${marker}.pdf`;
      const photoTitle = `Carte ${marker} photo`;
      const pdfTitle = `Attestation ${marker} pdf`;
      const pdfNote = `Note du CPAS ${marker} rendez-vous mardi`;
      const noteTitle = `Histoire ${marker}`;
      const noteText = `Mon histoire ${marker}.\nJe suis arrivé à Bruxelles en hiver, j'ai dormi gare du Midi.\n${'Ligne de texte. '.repeat(20)}`;
      const renamed = `Renommé ${marker} nouveau`;

      await page.goto(proxy.url);
      await chooseLanguage(page, t, lang);
      await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
      await shot('start');

      // Create: generated pseudonym, generated passphrase, recovery sheet, confirmation.
      const { pseudonym, passphrase, code } = await createWallet(page, t, shot, { switchTo: { lang: otherLang, t: tOther } });
      assert.match(pseudonym, /^[a-z]+-[a-z]+-\d\d$/);
      assert.equal(passphrase.split(' ').length, 5);
      assert.equal(new Set(passphrase.split(' ')).size, 5, 'no word repeats');
      // The sheet says where to use it, and since when it is valid.
      assert.equal((await page.getByTestId('sheet-address').textContent()).trim(), new URL(proxy.url).origin);
      const made = (await page.getByTestId('sheet-date').textContent()).trim();
      assert.ok(made.includes(String(new Date().getFullYear())) && made.includes(String(new Date().getDate())), `the sheet is dated today: ${made}`);
      assert.match(code, /^([0-9A-Z*~$=]{4}-){6}[0-9A-Z*~$=]{3}$/);
      assert.equal((await page.getByTestId('sheet-pseudonym').textContent()).trim(), pseudonym);
      assert.ok(await page.getByRole('img', { name: t('sheet-qr-label') }).isVisible(), 'the QR code is shown');
      await shot('recovery-sheet');
      if (rtl) {
        const said = await listen();
        assert.equal(said.lang, 'ar', 'the sheet is read in Arabic');
        for (const id of ['sheet-lead', 'sheet-step-1', 'sheet-step-4']) assert.ok(said.text.includes(plain(t(id))), `the sheet's instructions are read (${id})`);
        assert.ok(!said.text.includes(code) && !said.text.includes(pseudonym), 'neither the code nor the pseudonym is given to the voice');
      }
      await page.emulateMedia({ media: 'print' });
      await shot('recovery-sheet-print');
      assert.equal(await page.getByRole('button', { name: t('sheet-print') }).isVisible(), false, 'buttons are not printed');
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: t('sheet-kept') }).click();
      // A wrong group is refused.
      await page.getByLabel(t('confirm-label', { n: 3 }), { exact: true }).fill('ZZZZ');
      await page.getByRole('button', { name: t('confirm-submit') }).click();
      await page.getByRole('alert').filter({ hasText: t('confirm-wrong') }).waitFor();
      await shot('confirm-wrong');
      await page.getByRole('button', { name: t('confirm-show-sheet') }).click();
      await confirmSheet(page, t, code);
      await shot('wallet-empty');

      // Add a photo from the "camera", a PDF from a file, and a note.
      await addFile(page, t, {
        via: 'take-photo',
        file: { name: photoName, mimeType: 'image/jpeg', buffer: photo },
        title: photoTitle,
        category: 'identity',
      });
      // The new document is shown in the list, with the focus on it.
      const added = await placement(page.getByRole('button', { name: new RegExp(photoTitle) }));
      assert.deepEqual(added, { visible: true, focused: true }, 'the document just added is in view and focused');
      // It is shown with the thumbnail the browser made: 160 px on its long side, at most
      // 8 KiB, WebP; the title beside it names it, so the picture says nothing.
      const thumb = await listThumbnail(page, photoTitle);
      assert.ok(thumb, 'the photo has a thumbnail in the list');
      assert.equal(thumb.mime, 'image/webp');
      assert.deepEqual([thumb.width, thumb.height], [160, 120], 'the thumbnail is 160 px on its long side, aspect kept');
      assert.ok(thumb.bytes.length > 100 && thumb.bytes.length <= 8192, `the thumbnail is small (${thumb.bytes.length} bytes)`);
      assert.equal(thumb.bytes.subarray(8, 12).toString('latin1'), 'WEBP', 'Chromium makes a WebP thumbnail');
      assert.equal(thumb.alt, '', 'the picture has an empty text alternative: the title is read once');
      await shot('photo-added');
      // The page is laid out in the direction of its language: mirrored in Arabic.
      assert.deepEqual(await mirrored(page), rtl
        ? { dir: 'rtl', quitSide: 'left', iconSide: 'right' }
        : { dir: 'ltr', quitSide: 'right', iconSide: 'left' });
      // The message about it follows a language switch.
      await chooseLanguage(page, tOther, otherLang);
      await page.getByRole('status').filter({ hasText: tOther('added', { title: photoTitle }) }).waitFor();
      await chooseLanguage(page, t, lang);
      await page.getByRole('status').filter({ hasText: t('added', { title: photoTitle }) }).waitFor();

      // The add form: an error is shown next to its field and in view; a second file
      // replaces the title suggested from the first; a title over the limit is refused, not cut.
      await page.getByRole('button', { name: t('add-document') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('add-title') }).waitFor();
      await page.getByRole('button', { name: t('save'), exact: true }).click();
      const fileError = page.getByRole('alert').filter({ hasText: t('err-choose-file') });
      await fileError.waitFor();
      assert.equal((await placement(fileError)).visible, true, 'the error is in view');
      assert.equal(await page.getByLabel(t('choose-file'), { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel(t('choose-file'), { exact: true }).getAttribute('aria-describedby'), await fileError.getAttribute('id'));
      await shot('add-error');
      if (rtl) {
        const said = await listen();
        assert.equal(said.lang, 'ar');
        assert.ok(said.text.includes(plain(t('add-title'))) && said.text.includes(plain(t('field-note-help'))), `the add form's instructions are read: ${said.text}`);
      }
      await page.getByLabel(t('choose-file'), { exact: true }).setInputFiles({ name: 'premier_fichier.jpg', mimeType: 'image/jpeg', buffer: photo });
      assert.equal(await page.getByLabel(t('field-title'), { exact: true }).inputValue(), 'premier fichier');
      await page.getByLabel(t('choose-file'), { exact: true }).setInputFiles({ name: pdfName, mimeType: 'application/pdf', buffer: pdf });
      assert.equal(await page.getByLabel(t('field-title'), { exact: true }).inputValue(), pdfName.replace(/\.pdf$/, ''), 'the second file gives the title');
      const long = `Titre ${'long '.repeat(50)}`.trim();
      await page.getByLabel(t('field-title'), { exact: true }).fill(long);
      assert.equal(await page.getByLabel(t('field-title'), { exact: true }).inputValue(), long, 'nothing typed is cut');
      await page.getByText(t('title-length', { n: [...long].length, max: 200 })).waitFor();
      await page.getByRole('button', { name: t('save'), exact: true }).click();
      await page.getByRole('alert').filter({ hasText: t('err-title-too-long', { n: [...long].length, max: 200 }) }).waitFor();
      assert.equal(await page.getByLabel(t('field-title'), { exact: true }).getAttribute('aria-invalid'), 'true');
      await shot('add-title-too-long');
      await page.getByRole('button', { name: t('cancel'), exact: true }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor();
      await addFile(page, t, {
        via: 'choose-file',
        file: { name: pdfName, mimeType: 'application/pdf', buffer: pdf },
        title: pdfTitle,
        category: 'social_aid',
        date: '2024-05-01',
        note: pdfNote,
        shot,
      });
      await writeNote(page, t, { title: noteTitle, text: noteText, shot });
      await shot('three-documents');
      // No thumbnail for a PDF (the browser cannot draw its page) nor a note: their category icon.
      assert.equal(await listThumbnail(page, pdfTitle), null, 'a PDF shows its category icon');
      assert.equal(await listThumbnail(page, noteTitle), null, 'a note shows its category icon');
      assert.equal((await listThumbnail(page, photoTitle))?.b64, thumb.b64, 'the photo keeps its thumbnail');

      // A category filter takes the person to the list it changed, below the sticky header.
      await page.getByRole('button', { name: new RegExp(escapeRe(t('category-social_aid'))) }).first().click();
      const listHeading = page.getByRole('heading', { level: 2, name: t('category-social_aid'), exact: true });
      assert.deepEqual(await placement(listHeading), { visible: true, focused: true }, 'the filtered list is in view, its heading focused');
      await shot('filtered');
      await page.getByRole('button', { name: new RegExp(t('category-all')) }).click();

      // Back goes to the previous screen; the address never names what is open.
      await openDocument(page, t, noteTitle);
      assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, '/');
      assert.deepEqual(Object.keys(await page.evaluate(() => history.state)).sort(), ['gen', 'pde']);
      await page.goBack();
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor();
      await page.goForward();
      await page.getByRole('heading', { level: 1, exact: true, name: noteTitle }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor();
      // Back from the wallet's first screen asks before closing it.
      await page.goBack();
      const ask = page.getByRole('alertdialog', { name: t('close-ask-title') });
      await ask.waitFor();
      await shot('back-asks');
      await ask.getByRole('button', { name: t('close-ask-stay') }).click();
      await ask.waitFor({ state: 'hidden' });
      assert.ok(await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).isVisible(), 'the wallet stays open');
      await page.goBack();
      await ask.waitFor();
      await ask.getByRole('button', { name: t('close-ask-close') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
      await page.getByText(t('locked-quit')).waitFor();
      await page.goForward();
      assert.equal(await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).count(), 0, 'Forward does not reopen it');
      await shot('after-quit');
      assert.equal(await page.getByText(marker).count(), 0, 'nothing decrypted is left on the page after quitting');
      await page.getByText(t('locked-quit'), { exact: true }).waitFor();

      // Reopen with the passphrase as a phone's keyboard may type it (capitals, two spaces),
      // seeing what is typed.
      const sloppy = passphrase.split(' ').map((w) => w[0].toUpperCase() + w.slice(1)).join('  ');
      const field = page.getByLabel(t('field-passphrase'), { exact: true });
      assert.equal(await field.getAttribute('type'), 'password');
      await page.getByLabel(t('pass-show'), { exact: true }).check();
      assert.equal(await field.getAttribute('type'), 'text', '"show what I type" shows it');
      await openWallet(page, t, pseudonym, sloppy);
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 60_000 });
      assert.equal((await listThumbnail(page, photoTitle))?.b64, thumb.b64, 'the thumbnail comes back from the server, decrypted');
      await shot('reopened');

      await openDocument(page, t, pdfTitle);
      const frame = page.getByTestId('doc-pdf');
      await frame.waitFor();
      const pdfUrl = await frame.getAttribute('src');
      assert.match(pdfUrl, /^blob:/);
      const pdfBack = await downloadBytes(page, t);
      assert.match(pdfBack.url, /^blob:/, 'the download comes from memory, not from the server');
      assert.equal(pdfBack.name, pdfName, 'the download keeps the file name');
      assert.ok(pdfBack.bytes.equals(pdf), 'the PDF decrypts to the very bytes that were added');
      await page.getByText(pdfNote).waitFor();
      await shot('view-pdf');
      await closeDocument(page, t);

      await openDocument(page, t, photoTitle);
      const img = page.getByTestId('doc-image');
      await img.waitFor();
      await page.waitForFunction(() => {
        const i = document.querySelector('[data-testid="doc-image"]');
        return i && i.complete && i.naturalWidth > 0;
      });
      const size = await img.evaluate((i) => ({ w: i.naturalWidth, h: i.naturalHeight }));
      assert.equal(Math.max(size.w, size.h), 2000, `the photo is downscaled to 2000 px (${size.w}×${size.h})`);
      assert.equal(Math.round((size.w / size.h) * 100), 133, 'the aspect ratio is kept');
      const photoUrl = await img.getAttribute('src');
      const photoBack = (await downloadBytes(page, t)).bytes;
      assert.ok(photoBack.length < photo.length, 'the stored photo is smaller than the original');
      assert.equal(photoBack.subarray(0, 3).toString('hex'), 'ffd8ff', 'the stored photo is a JPEG');
      await shot('view-photo');
      assert.ok(await imageLoads(page, photoUrl), 'the object URL works while the photo is shown');
      await closeDocument(page, t);
      assert.equal(await imageLoads(page, photoUrl), false, 'the object URL is revoked when the photo is closed');

      await openDocument(page, t, noteTitle);
      const text = await page.getByTestId('doc-text').textContent();
      assert.equal(text, noteText);
      await shot('view-note');

      // Rename and recategorise the note.
      await page.getByRole('button', { name: t('edit'), exact: true }).click();
      // The form opens below the note, out of sight on a phone: its field is in view, focused.
      assert.deepEqual(await placement(page.getByLabel(t('field-title'), { exact: true })), { visible: true, focused: true });
      await page.getByLabel(t('field-title'), { exact: true }).fill(renamed);
      await page.getByRole('radio', { name: t('category-my_story') }).check();
      await page.getByRole('radio', { name: t('category-contacts') }).check();
      await page.getByRole('button', { name: t('save-changes') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: renamed }).waitFor();
      assert.deepEqual(await placement(page.getByRole('heading', { level: 1, exact: true, name: renamed })), { visible: true, focused: true });
      await page.getByRole('status').filter({ hasText: t('edit-saved') }).waitFor();
      await shot('renamed');
      await closeDocument(page, t);
      await page.getByRole('button', { name: new RegExp(renamed) }).waitFor();
      await quit(page, t);
      // Two files were downloaded: the closing notice must not say that nothing remains.
      await page.getByText(t('locked-quit-downloaded'), { exact: true }).waitFor();
      assert.equal(await page.getByText(t('locked-quit'), { exact: true }).count(), 0);

      // Reopen with the recovery code and choose a new passphrase.
      await page.getByRole('button', { name: t('recover-start') }).click();
      await page.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
      await page.getByLabel(t('field-recovery-code'), { exact: true }).fill(code.toLowerCase().replaceAll('-', ' '));
      await shot('recover');
      await page.getByRole('button', { name: t('recover-submit') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('recover-new-title') }).waitFor({ timeout: 30_000 });
      const newPassphrase = await generatedPassphrase(page);
      assert.ok(await page.getByRole('button', { name: t('quit'), exact: true }).isVisible(), 'the wallet is open: Quit is there');
      assert.equal(await page.getByRole('checkbox', { name: t('recover-end-others') }).isChecked(), true, 'ending other sessions is the default');
      await shot('recover-new-passphrase');
      await page.getByRole('button', { name: t('recover-new-submit') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('recover-saved-title') }).waitFor({ timeout: 60_000 });
      await page.getByTestId('recover-saved').filter({ hasText: t('recover-saved-others') }).waitFor();
      await shot('recover-saved');
      const change = proxy.records.find((r) => r.method === 'PUT' && r.url === '/api/v1/account/passphrase');
      assert.equal(JSON.parse(change.body.toString('utf8')).end_other_sessions, true, 'the server is asked to end the other sessions');
      await page.getByRole('button', { name: t('recover-saved-continue') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: new RegExp(renamed) }).waitFor();
      // the rename reached the server: the renamed note is in the contacts category
      await page.getByRole('button', { name: new RegExp(t('category-contacts')) }).first().click();
      await page.getByRole('button', { name: new RegExp(renamed) }).waitFor();
      await page.getByRole('button', { name: new RegExp(t('category-all')) }).click();

      // Delete the photo, with confirmation.
      await openDocument(page, t, photoTitle);
      await page.getByRole('button', { name: t('delete'), exact: true }).click();
      const dialog = page.getByRole('alertdialog', { name: t('delete-title') });
      await dialog.waitFor();
      await shot('delete-confirm');
      await dialog.getByRole('button', { name: t('delete-confirm') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor();
      assert.equal(await page.getByRole('button', { name: new RegExp(photoTitle) }).count(), 0);
      await page.getByRole('button', { name: new RegExp(pdfTitle) }).waitFor();
      await shot('after-delete');
      await quit(page, t);

      // The old passphrase no longer opens the wallet; the new one does.
      await openWallet(page, t, pseudonym, passphrase);
      await page.getByRole('alert').filter({ hasText: t('err-login-passphrase') }).waitFor({ timeout: 60_000 });
      await page.getByLabel(t('field-passphrase'), { exact: true }).fill(newPassphrase);
      await page.getByRole('button', { name: t('open-submit'), exact: true }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('.docs li').count(), 2);
      await quit(page, t);
      await shot('end');

      // Nothing is left on the machine.
      assert.deepEqual(await leftovers(page, context), {
        localStorage: 0, sessionStorage: 0, indexedDB: 0, documentCookie: '', serviceWorkers: 0, caches: 0, cookies: 0,
      });
      assert.deepEqual(browser.problems.filter((p) => p.startsWith('pageerror')), [], 'no script errors');
      assert.deepEqual(a11y, [], 'no accessibility problem on any screen');

      // No plaintext in what the browser sent...
      // (The thumbnail too: neither its bytes nor their Base64, which is how the metadata JSON holds them.)
      const needles = [
        marker, photoTitle, pdfTitle, pdfNote, noteTitle, renamed, photoName, pdfName, 'carte-identite', 'attestation-cpas', 'gare du Midi', passphrase, newPassphrase, code,
        thumb.b64,
      ];
      const plaintexts = [
        { name: 'PDF', bytes: pdf },
        { name: 'original photo', bytes: photo },
        { name: 'stored photo', bytes: photoBack },
        { name: 'note', bytes: Buffer.from(noteText, 'utf8') },
        { name: 'thumbnail', bytes: thumb.bytes },
        { name: 'thumbnail in Base64', bytes: Buffer.from(thumb.b64, 'latin1') },
      ];
      const sent = requestHaystacks(proxy.records);
      assert.ok(proxy.records.some((r) => r.method === 'PUT' && r.body.length > 100_000), 'the proxy saw the uploads');
      for (const r of proxy.records.filter((r) => ['POST', 'PUT', 'DELETE'].includes(r.method))) {
        assert.equal(r.headers['x-pde-client'], '1', `${r.method} ${r.url} carries X-PDE-Client`);
      }
      assert.deepEqual(findStrings(needles, sent), []);
      assert.deepEqual(findPlaintextRuns(plaintexts, sent), []);

      // ...nor in what the server logged...
      const log = [{ name: 'server log', bytes: server.log() }];
      assert.ok((log[0].bytes.toString('utf8').match(/route="\/api\/v1\//g) ?? []).length > 20, 'the server log, with a line per request, is scanned');
      assert.deepEqual(findStrings(needles, log), []);

      // ...nor in the database or the blob store.
      await server.stop();
      const stored = server.storedFiles();
      assertDatabaseScanned(stored, server.database);
      assert.ok(stored.filter((f) => f.name.startsWith(server.blobDir)).length >= 2, 'the blob files are scanned');
      assert.deepEqual(findStrings(needles, stored), []);
      assert.deepEqual(findPlaintextRuns(plaintexts, stored), []);

      // ...nor in the browser's profile: no saved log-in (Login Data, also its `stats` of
      // offers to save), no form history (Web Data), nothing anywhere else.
      await browser.close();
      const profile = filesUnder(browser.userDataDir);
      assert.ok(profile.some((f) => f.name.endsWith(path.join('Default', 'Login Data'))), 'the saved log-ins file is scanned');
      assert.ok(profile.some((f) => f.name.endsWith(path.join('Default', 'Web Data'))), 'the form data file is scanned');
      assert.deepEqual(findStrings([pseudonym, passphrase, newPassphrase, sloppy, code, marker], profile), []);
    } catch (e) {
      await shot('failure').catch(() => undefined);
      throw new Error(`${e.message}\n--- browser ---\n${browser.problems.join('\n')}\n--- server ---\n${server.stderr()}`, { cause: e });
    } finally {
      await browser.close();
      browser.removeProfile();
      await proxy.stop();
      await server.stop();
      server.cleanup();
    }
  });
}
