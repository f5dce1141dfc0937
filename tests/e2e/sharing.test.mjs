// Sharing in real browsers, in French and in Dutch: a worker joins through the operator's
// invitation and is verified; a holder shares 3 of 4 documents with that worker for 1 day;
// the worker sees exactly those 3 (the photo with its thumbnail), opens and downloads one; the holder sees the receipts and
// revokes while the worker's page is open; the worker's next action says the share has
// ended. Then a link with a PIN (2 wrong PINs, then the right one) and a second link locked
// after 5 wrong PINs. Nothing of it may appear in plaintext in any request a browser sent,
// in the server's log, in the database or in the blob store.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { makePdf, makePhoto } from './lib/fixtures.mjs';
import {
  addFile, chooseLanguage, confirmSheet, confirmedDownload, createWallet, escapeRe, generatedPassphrase, invitationToken, joinAsWorker, listThumbnail,
  openWorkerAccount, screenshotter,
  settledClick, writeNote,
} from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startProxy } from './lib/proxy.mjs';
import { assertDatabaseScanned, findPlaintextRuns, findStrings, requestHaystacks } from './lib/scan.mjs';
import { startServer } from './lib/server.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });

/** On the holder's wallet home: picks documents by title and goes on to "who". */
async function startShare(page, t, titles) {
  await page.getByRole('button', { name: t('share-start') }).click();
  await h1(page, t('share-title')).waitFor();
  for (const title of titles) await page.getByRole('checkbox', { name: new RegExp(escapeRe(title)) }).check();
  await page.getByRole('button', { name: t('next'), exact: true }).click();
  await h1(page, t('share-who-title')).waitFor();
}

/**
 * Makes a link for `titles` with what the link screen proposes: a PIN is on by default, and
 * unticking it says why that is risky. Returns { link, pin }.
 */
async function makeLink(page, t, titles, shot) {
  await page.getByRole('button', { name: t('back-to-documents') }).click();
  await h1(page, t('wallet-title')).waitFor();
  await startShare(page, t, titles);
  await page.getByRole('button', { name: t('share-make-link') }).click();
  await h1(page, t('link-make-title')).waitFor();
  const usePin = page.getByRole('checkbox', { name: t('link-pin-use') });
  assert.ok(await usePin.isChecked(), 'a link gets a PIN unless the holder opts out');
  await usePin.uncheck();
  await page.getByRole('alert').filter({ hasText: t('link-no-pin-risk') }).waitFor();
  await shot('link-no-pin');
  await usePin.check();
  assert.equal(await page.getByText(t('link-no-pin-risk')).count(), 0);
  for (const title of titles) await page.getByTestId('what-they-see').getByText(title, { exact: true }).waitFor();
  const shown = (await page.getByTestId('chosen-pin').textContent()).trim();
  assert.match(shown, /^\d{3} \d{3}$/, 'the PIN is shown in two groups of three digits');
  const pin = shown.replace(/\D/g, '');
  await page.getByRole('button', { name: t('link-confirm') }).click();
  await h1(page, t('link-done-title')).waitFor({ timeout: 30_000 });
  return { ...(await shownLink(page, t, shot, 'link-done')), pinChosen: pin };
}

/** The link and PIN on a "your share link" screen, checked: QR code, Copy, Share, the PIN apart. */
async function shownLink(page, t, shot, step) {
  const link = (await page.getByTestId('share-link').textContent()).trim();
  const pin = (await page.getByTestId('share-pin').textContent()).replace(/\D/g, '');
  assert.match(pin, /^\d{6}$/, 'the PIN to tell is shown');
  assert.ok(await page.getByRole('img', { name: t('link-qr-label') }).isVisible(), 'the link is shown as a QR code');
  // Copy puts the link, and only the link, on the clipboard.
  await page.getByRole('button', { name: t('link-copy') }).click();
  await page.getByRole('status').filter({ hasText: t('link-copied') }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'Copy copies the link');
  // Share hands the link to the phone's share sheet (the Web Share API), without the PIN.
  await page.getByRole('button', { name: t('link-share') }).click();
  const sent = await page.waitForFunction(() => window.__pdeShared).then((h) => h.jsonValue());
  assert.equal(sent.url, link, 'Share sends the link');
  assert.ok(!JSON.stringify(sent).includes(pin), 'the PIN is not sent with the link');
  await page.evaluate(() => {
    window.__pdeShared = undefined;
  });
  await shot(step);
  return { link, pin };
}

/** What Chromium saved in a profile's History database: every URL it visited. */
function historyUrls(userDataDir) {
  const file = path.join(userDataDir, 'Default', 'History');
  assert.ok(existsSync(file), 'the browser kept a History file');
  // Copy it first (with its journal, if any): never read a browser's live database.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-history-'));
  try {
    for (const f of ['History', 'History-journal', 'History-wal']) {
      if (existsSync(path.join(userDataDir, 'Default', f))) copyFileSync(path.join(userDataDir, 'Default', f), path.join(dir, f));
    }
    return execFileSync('sqlite3', ['-readonly', path.join(dir, 'History'), 'SELECT url FROM urls'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A card code nobody has: a random 40-bit value with its right check character (docs/sharing.md). */
function unusedCardCode() {
  const A = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const C = A + '*~$=U';
  const value = randomBytes(5).readUIntBE(0, 5);
  let body = '';
  for (let i = 0, v = value; i < 8; i++, v = Math.floor(v / 32)) body = A[v % 32] + body;
  return `${body.slice(0, 4)}-${body.slice(4)}-${C[value % 37]}`;
}

/** The look of a worker's card (border), so a verified and an unverified one can be told apart. */
const lookOf = (locator) => locator.evaluate((e) => {
  const s = getComputedStyle(e);
  return `${s.borderTopStyle} ${s.borderTopColor} ${s.backgroundColor}`;
});

/** Stands in for the Web Share API of a phone: records what the page asked to share. */
function fakeWebShare() {
  navigator.share = async (data) => {
    window.__pdeShared = JSON.parse(JSON.stringify(data));
  };
}

async function typePin(page, t, pin) {
  await page.getByLabel(t('field-link-pin'), { exact: true }).fill(pin);
  await page.getByRole('button', { name: t('link-pin-submit') }).click();
}

const otherPin = (pin, i) => String((Number(pin) + 1 + i * 7919) % 1_000_000).padStart(6, '0');

async function downloadFrom(page, t, shot) {
  const download = await confirmedDownload(page, t, page.getByRole('button', { name: t('shared-download') }), shot);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  await download.delete();
  return { bytes: Buffer.concat(chunks), name: download.suggestedFilename(), url: download.url() };
}

// Each role is tried at both sizes: in French the holder is on a phone and the worker at a
// PC; in Dutch the other way round (a worker on a phone, a holder at a library terminal).
// The Dutch one runs on PostgreSQL, the French one on SQLite. In Arabic (right to left) the
// holder is on a phone, so the share, worker and link screens are checked in Arabic too.
const SCENARIOS = [
  { lang: 'fr', holderSize: 'phone', workerSize: 'terminal', database: 'sqlite' },
  { lang: 'nl', holderSize: 'terminal', workerSize: 'phone', database: 'postgres' },
  { lang: 'ar', holderSize: 'phone', workerSize: 'terminal', database: 'sqlite' },
];

for (const { lang, holderSize, workerSize, database } of SCENARIOS) {
  test(`sharing with a verified worker and by link, holder ${holderSize}, worker ${workerSize}, ${lang}, ${database}`, { timeout: 600_000 }, async () => {
    const t = messages(lang);
    const server = await startServer({}, { database });
    const proxy = await startProxy(server.url);
    const holder = await launch(VIEWPORTS[holderSize]);
    const worker = await launch(VIEWPORTS[workerSize]);
    // The first visitor is at a public terminal whose profile stays on disk after they leave.
    const visitor = await launch(VIEWPORTS[workerSize], { keepProfile: true });
    const browsers = [holder, worker, visitor];
    const roles = ['holder', 'worker', 'visitor'];
    for (const b of browsers) b.page.setDefaultTimeout(30_000);
    const hp = holder.page;
    const wp = worker.page;
    let vp = visitor.page;
    await holder.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: proxy.url });
    await holder.context.addInitScript(fakeWebShare);
    // Every screen that gets a screenshot is also checked for accessibility problems.
    const a11y = [];
    const checked = (page, name) => checkedScreenshotter(screenshotter, page, name, a11y);
    const hshot = checked(hp, `sharing-${lang}-holder`);
    const wshot = checked(wp, `sharing-${lang}-worker`);
    let vshot = checked(vp, `sharing-${lang}-visitor`);
    try {
      const marker = `pdeshare${randomBytes(6).toString('hex')}`;
      const orgName = `CPAS Ixelles ${lang}`;
      const realName = `Marie Dupont ${lang}`;
      const login = `marie-${lang}-${randomBytes(3).toString('hex')}`;
      const pdf = makePdf(marker);
      const pdfName = `decision-cpas-${marker}.pdf`;
      const pdfTitle = `Décision ${marker} pdf`;
      const pdfNote = `À renouveler ${marker} en mars`;
      const photo = await makePhoto(holder.context, marker, { width: 1200, height: 900 });
      const photoTitle = `Carte ${marker} photo`;
      const storyTitle = `Histoire ${marker} note`;
      const storyText = `Mon histoire ${marker}. Je dors près de la gare du Nord depuis octobre.`;
      const secretTitle = `Privé ${marker} note`;
      const secretText = `Ceci ne se partage pas ${marker}, adresse de ma sœur.`;
      const message = `Bonjour ${marker}, pour le rendez-vous de jeudi`;

      // The operator creates the organisation and invites the worker.
      assert.match(await server.admin('org', 'add', orgName), /^organisation: [0-9a-f]{32}$/m);
      const token = invitationToken(await server.admin('worker', 'invite', '--org', orgName));

      // The worker joins (office PC); until the operator checks them, their own card says so.
      const w = await joinAsWorker(wp, t, { url: `${proxy.url}/join#${token}`, lang, realName, login, shot: wshot });
      await wp.getByText(t('worker-unverified-self')).waitFor();
      await wp.getByRole('button', { name: t('worker-card-open') }).click();
      const card = wp.getByTestId('worker-card');
      await card.getByTestId('worker-badge').filter({ hasText: t('card-unverified') }).waitFor();
      const unverifiedCardLook = await lookOf(card);
      await wshot('worker-card-unverified');
      await wp.getByRole('button', { name: t('back-to-list') }).click();

      // The holder (phone) creates a wallet with four documents; the add form says that a
      // document's note goes with it when it is shared.
      await hp.goto(proxy.url);
      await chooseLanguage(hp, t, lang);
      const h = await createWallet(hp, t, hshot);
      await confirmSheet(hp, t, h.code);
      const noteHelpShown = async (step) => {
        const help = await hp.getByLabel(t('field-note'), { exact: true }).getAttribute('aria-describedby');
        assert.equal((await hp.locator(`#${help}`).textContent()).trim(), t('field-note-help'), 'the note field says who sees the note');
        await hshot(step);
      };
      await addFile(hp, t, {
        via: 'choose-file', file: { name: pdfName, mimeType: 'application/pdf', buffer: pdf }, title: pdfTitle, category: 'social_aid', note: pdfNote,
        shot: noteHelpShown,
      });
      await addFile(hp, t, {
        via: 'choose-file', file: { name: `carte-${marker}.jpg`, mimeType: 'image/jpeg', buffer: photo }, title: photoTitle, category: 'identity',
      });
      const thumb = await listThumbnail(hp, photoTitle);
      assert.ok(thumb, 'the photo has its thumbnail in the holder\'s list');
      await writeNote(hp, t, { title: storyTitle, text: storyText });
      await writeNote(hp, t, { title: secretTitle, text: secretText });
      await hshot('four-documents');

      // Share 3 of 4 with the worker. A mistyped code is caught, in one plain sentence said once.
      await startShare(hp, t, [pdfTitle, storyTitle, photoTitle]);
      const codeField = hp.getByLabel(t('field-worker-code'), { exact: true });
      const findWorker = hp.getByRole('button', { name: t('share-find-worker') });
      const last = w.cardCode.at(-1);
      const mistyped = w.cardCode.slice(0, -1) + (last === '0' ? '1' : '0');
      await codeField.fill(mistyped);
      await hp.getByText(t('code-hint-mistyped')).waitFor();
      await findWorker.click();
      assert.equal(await hp.getByText(t('code-hint-mistyped')).count(), 1, 'the mistyped-code sentence is said once');
      assert.equal(await hp.getByText(t('err-worker_code_mistyped')).count(), 1);
      await hshot('code-mistyped');
      // A well-formed code that nobody has: only "nobody has this code", never "typed correctly" beside it.
      const nobody = unusedCardCode();
      await codeField.fill(nobody);
      await hp.getByText(t('code-hint-ok', { code: nobody })).waitFor();
      await findWorker.click();
      await hp.getByRole('alert').filter({ hasText: t('err-worker_not_found') }).waitFor();
      assert.equal(await hp.getByText(t('code-hint-ok', { code: nobody })).count(), 0, 'no "typed correctly" next to "nobody has this code"');
      await hshot('code-nobody');

      // The worker is not verified yet: their card looks different to the holder.
      await codeField.fill(w.cardCode.toLowerCase().replaceAll('-', ' '));
      await findWorker.click();
      await h1(hp, t('share-check-title')).waitFor();
      const facts = hp.getByTestId('worker-facts');
      await facts.getByTestId('worker-badge').filter({ hasText: t('worker-unverified-badge') }).waitFor();
      await hp.getByTestId('worker-unverified').waitFor();
      const unverifiedLook = await lookOf(facts);
      await hshot('worker-check-unverified');
      await hp.getByRole('button', { name: t('share-worker-no') }).click();
      await h1(hp, t('share-who-title')).waitFor();

      // The operator verifies them; their card and the holder's view change.
      assert.match(await server.admin('worker', 'verify', w.cardCode), /^verified: /m);
      await wp.getByRole('button', { name: t('worker-refresh') }).click();
      await wp.getByText(t('worker-none')).waitFor();
      await wp.getByText(t('worker-unverified-self')).waitFor({ state: 'detached' });
      await wp.getByRole('button', { name: t('worker-card-open') }).click();
      await card.getByTestId('worker-badge').filter({ hasText: t('card-verified') }).waitFor();
      assert.notEqual(await lookOf(card), unverifiedCardLook, 'a verified card does not look like an unverified one');
      await wshot('worker-card-verified');
      await wp.getByRole('button', { name: t('back-to-list') }).click();
      await codeField.fill(w.cardCode.toLowerCase().replaceAll('-', ' '));
      await findWorker.click();
      await h1(hp, t('share-check-title')).waitFor();
      assert.equal((await hp.getByTestId('worker-name').textContent()).trim(), realName);
      assert.equal((await hp.getByTestId('worker-organisation').textContent()).trim(), orgName);
      await hp.getByTestId('worker-verified').waitFor();
      await facts.getByTestId('worker-badge').filter({ hasText: t('worker-verified-badge') }).waitFor();
      assert.notEqual(await lookOf(facts), unverifiedLook, 'to the holder, a verified worker does not look like an unverified one');
      await hshot('worker-check');
      await hp.getByRole('button', { name: t('share-worker-yes') }).click();
      await h1(hp, t('share-details-title')).waitFor();
      assert.ok(await hp.getByRole('radio', { name: t('duration-day') }).isChecked(), '1 day is the default');
      // The share screen lists what the worker will see of each document, the note included.
      const seen = hp.getByTestId('what-they-see');
      await seen.getByRole('heading', { name: t('seen-title', { name: realName }) }).waitFor();
      for (const text of [pdfTitle, pdfNote, storyTitle, t('category-social_aid')]) await seen.getByText(text, { exact: true }).waitFor();
      await seen.getByText(new RegExp(`^${escapeRe(pdfName)} \\(`)).waitFor();
      assert.equal(await seen.getByText(secretTitle).count(), 0, 'a document not picked is not listed');
      await hp.getByLabel(t('field-note-text'), { exact: true }).fill(message);
      await hshot('share-details');
      await hp.getByRole('button', { name: t('share-confirm') }).click();
      await h1(hp, t('share-done-title')).waitFor({ timeout: 30_000 });
      await hshot('share-done');

      // The worker sees exactly those three documents (the photo with the holder's thumbnail)
      // and the message, opens the PDF and downloads it.
      await wp.getByRole('button', { name: t('worker-refresh') }).click();
      await wp.getByRole('heading', { level: 2, name: t('incoming-from', { name: h.pseudonym }) }).waitFor();
      await wp.getByText(message).waitFor();
      await wp.getByRole('button', { name: new RegExp(escapeRe(pdfTitle)) }).waitFor();
      await wp.getByRole('button', { name: new RegExp(escapeRe(storyTitle)) }).waitFor();
      assert.equal(await wp.getByText(secretTitle).count(), 0, 'the document not shared is not shown');
      assert.equal(await wp.locator('main ul.docs > li').count(), 3, 'exactly three documents are shared');
      const workerThumb = await listThumbnail(wp, photoTitle);
      assert.equal(workerThumb?.b64, thumb.b64, 'the worker\'s list shows the photo\'s thumbnail, decoded');
      assert.equal(workerThumb.alt, '', 'the title beside it names it');
      assert.equal(await listThumbnail(wp, pdfTitle), null, 'the PDF shows its category icon');
      await wshot('shared-with-me');
      await wp.getByRole('button', { name: new RegExp(escapeRe(pdfTitle)) }).click();
      await h1(wp, pdfTitle).waitFor();
      await wp.getByTestId('doc-pdf').waitFor();
      await wp.getByText(pdfNote, { exact: true }).waitFor();
      // What the holder will know is said truly: openings and the Download button, not the browser's own Save or Print.
      await wp.getByText(t('shared-record-hint'), { exact: true }).waitFor();
      const got = await downloadFrom(wp, t, wshot);
      assert.match(got.url, /^blob:/, 'the download comes from memory');
      assert.equal(got.name, pdfName);
      assert.ok(got.bytes.equals(pdf), 'the worker gets the very bytes the holder added');
      await wshot('worker-pdf');
      await settledClick(wp, wp.getByRole('button', { name: t('close'), exact: true }));
      await h1(wp, t('worker-title')).waitFor();
      // Back from the worker's first screen asks before closing the account (and does not
      // reopen the document just closed).
      await wp.goBack();
      const ask = wp.getByRole('alertdialog', { name: t('close-ask-title-worker') });
      await ask.waitFor();
      await ask.getByRole('button', { name: t('close-ask-stay') }).click();
      await ask.waitFor({ state: 'hidden' });
      await h1(wp, t('worker-title')).waitFor();

      // The holder sees the opening and the download.
      await hp.getByRole('button', { name: t('shares-open') }).click();
      await h1(hp, t('shares-title')).waitFor();
      const share = hp.getByRole('article').filter({ hasText: realName });
      const receipts = share.locator('.receipts li');
      await receipts.filter({ hasText: t('receipt-open') }).filter({ hasText: pdfTitle }).waitFor();
      await receipts.filter({ hasText: t('receipt-download') }).filter({ hasText: pdfTitle }).waitFor();
      assert.equal(await receipts.count(), 2, 'one opening and one download, nothing else');
      assert.ok((await share.textContent()).includes(t('receipt-by-worker', { name: realName })));
      await hp.getByText(t('shares-receipts-truth'), { exact: true }).waitFor();
      await hshot('receipts');

      // The holder revokes while the worker's list is open; the worker's next action is refused.
      await share.getByRole('button', { name: t('share-revoke') }).click();
      const dialog = hp.getByRole('alertdialog', { name: t('revoke-title') });
      await dialog.waitFor();
      await dialog.getByText(t('revoke-copies', { name: realName }), { exact: true }).waitFor();
      await hshot('revoke-dialog');
      await dialog.getByRole('button', { name: t('revoke-confirm') }).click();
      await hp.getByRole('status').filter({ hasText: t('revoked-notice') }).waitFor();
      await share.getByText(t('share-status-revoked')).waitFor();
      await hshot('revoked');
      await wp.getByRole('button', { name: new RegExp(escapeRe(storyTitle)) }).click();
      await h1(wp, t('share-ended-title')).waitFor();
      assert.equal(await wp.getByText(storyText).count(), 0, 'the ended share shows nothing');
      await wshot('share-ended');
      await hp.getByRole('button', { name: t('back-to-documents') }).click();
      await hp.getByRole('button', { name: t('shares-open') }).click();
      await share.getByText(t('share-status-revoked')).waitFor();
      assert.equal(await receipts.count(), 2, 'the refused opening is not recorded');

      // A link, PIN by default: two wrong PINs, then the right one typed as it is shown ("123 456").
      const first = await makeLink(hp, t, [storyTitle, photoTitle], hshot);
      assert.equal(first.pin, first.pinChosen);
      const firstUrl = new URL(first.link);
      assert.match(firstUrl.pathname, /^\/s\/[0-9a-f]{32}$/);
      assert.match(firstUrl.hash, /^#[A-Za-z0-9_-]{43}$/);
      await vp.goto(proxy.url + firstUrl.pathname + firstUrl.hash);
      assert.equal(new URL(vp.url()).hash, '', 'the link secret is taken out of the address bar');
      await chooseLanguage(vp, t, lang);
      await h1(vp, t('link-pin-title')).waitFor();
      for (const [i, left] of [[0, 4], [1, 3]]) {
        await typePin(vp, t, otherPin(first.pin, i));
        await vp.getByRole('alert').filter({ hasText: t('err-wrong_pin-left', { n: left }) }).waitFor();
      }
      await vshot('wrong-pin');
      await typePin(vp, t, `${first.pin.slice(0, 3)} ${first.pin.slice(3)}`);
      await h1(vp, t('link-title')).waitFor();
      await vp.getByText(t('link-visitor-hint'), { exact: true }).waitFor();
      assert.equal((await listThumbnail(vp, photoTitle))?.b64, thumb.b64, 'the link\'s list shows the photo\'s thumbnail');
      await vp.getByRole('button', { name: new RegExp(escapeRe(storyTitle)) }).click();
      await h1(vp, storyTitle).waitFor();
      assert.equal(await vp.getByTestId('doc-text').textContent(), storyText);
      await vshot('link-document');
      // The visitor keeps a copy: the closing screen then says where it stays.
      const kept = await downloadFrom(vp, t);
      assert.equal(kept.bytes.toString('utf8'), storyText);
      await vp.getByRole('button', { name: t('quit') }).click();
      await h1(vp, t('link-closed-title')).waitFor();
      assert.equal(await vp.getByText(storyText).count(), 0, 'nothing is left on the page after Quit');
      await vp.getByText(t('link-closed-text-downloaded'), { exact: true }).waitFor();
      assert.equal(await vp.getByText(t('link-closed-text'), { exact: true }).count(), 0, 'no "nothing remains" after a download');
      await vshot('link-closed');

      // The visitor leaves the terminal. Its History still holds the link with its secret; the
      // next person who opens it from there (a fresh browser) gets the PIN screen, and nothing else.
      // (Chromium opens its History database a little after start-up on a busy machine: let it.)
      const historyFile = path.join(visitor.userDataDir, 'Default', 'History');
      for (let i = 0; i < 60 && !existsSync(historyFile); i++) await vp.waitForTimeout(500);
      await visitor.close();
      const remembered = historyUrls(visitor.userDataDir).filter((u) => u.includes(firstUrl.pathname));
      visitor.removeProfile();
      assert.ok(remembered.length > 0, 'the History file holds the link');
      const replayed = new URL(remembered.find((u) => u.includes('#')) ?? remembered[0]);
      const next = await launch(VIEWPORTS[workerSize]);
      browsers.push(next);
      roles.push('next visitor');
      next.page.setDefaultTimeout(30_000);
      vp = next.page;
      vshot = checked(vp, `sharing-${lang}-next-visitor`);
      const fromHistory = [];
      vp.on('request', (r) => {
        if (r.url().includes('/api/v1/links/')) fromHistory.push(r.url());
      });
      await vp.goto(proxy.url + replayed.pathname + replayed.hash);
      await chooseLanguage(vp, t, lang);
      await h1(vp, t('link-pin-title')).waitFor();
      assert.equal(await vp.getByText(storyTitle).count(), 0, 'a link from the history shows no document without the PIN');
      assert.ok(fromHistory.every((u) => !/\/content$/.test(u)), 'no document content is fetched');
      await vshot('history-link');

      // A second link is locked for good after 5 wrong PINs, and the holder sees it.
      await hp.getByRole('button', { name: t('shares-open') }).click();
      await h1(hp, t('shares-title')).waitFor();
      await hp.getByRole('article').filter({ hasText: t('share-with-link') }).getByText(t('receipt-by-link')).first().waitFor();
      const second = await makeLink(hp, t, [pdfTitle], async () => {});
      const secondUrl = new URL(second.link);
      await vp.goto(proxy.url + secondUrl.pathname + secondUrl.hash);
      await chooseLanguage(vp, t, lang);
      await h1(vp, t('link-pin-title')).waitFor();
      for (let i = 0; i < 4; i += 1) {
        await typePin(vp, t, otherPin(second.pin, i));
        await vp.getByRole('alert').filter({ hasText: t('err-wrong_pin-left', { n: 4 - i }) }).waitFor();
      }
      await typePin(vp, t, otherPin(second.pin, 4));
      await h1(vp, t('link-locked-title')).waitFor();
      await vshot('link-locked');
      await vp.goto(proxy.url + secondUrl.pathname + secondUrl.hash);
      await h1(vp, t('link-locked-title')).waitFor();
      await hp.getByRole('button', { name: t('shares-open') }).click();
      await h1(hp, t('shares-title')).waitFor();
      const locked = hp.getByRole('article').filter({ hasText: t('share-status-locked') });
      await locked.waitFor();
      await hshot('link-locked');

      // In one step the holder makes a new link (new secret, new PIN) for the same documents.
      await locked.getByRole('button', { name: t('share-renew') }).click();
      await h1(hp, t('link-done-title')).waitFor({ timeout: 30_000 });
      await hp.getByRole('status').filter({ hasText: new RegExp(escapeRe(t('link-renewed-text', { n: 1, when: '@@' })).replace('@@', '.+')) }).waitFor();
      const third = await shownLink(hp, t, hshot, 'link-renewed');
      const thirdUrl = new URL(third.link);
      assert.notEqual(thirdUrl.pathname, secondUrl.pathname, 'a new link');
      assert.notEqual(thirdUrl.hash, secondUrl.hash, 'with a new secret');
      await vp.goto(proxy.url + thirdUrl.pathname + thirdUrl.hash);
      await chooseLanguage(vp, t, lang);
      await h1(vp, t('link-pin-title')).waitFor();
      await typePin(vp, t, third.pin);
      await h1(vp, t('link-title')).waitFor();
      await vp.getByRole('button', { name: new RegExp(escapeRe(pdfTitle)) }).waitFor();
      assert.equal(await vp.locator('main ul.docs > li').count(), 1, 'the new link shows the same one document');
      await hp.getByRole('button', { name: t('back-to-shares') }).click();
      await h1(hp, t('shares-title')).waitFor();
      // The list reloads with 4 shares: the revoked worker share, the first link (still running),
      // the locked link and the new one.
      await hp.getByRole('article').nth(3).waitFor();
      assert.equal(await hp.getByRole('article').count(), 4);
      assert.equal(await hp.locator('article[data-status="active"]').count(), 2, 'the new link is listed, active, beside the first one');
      assert.equal(await hp.locator('article[data-status="locked"]').count(), 1, 'the locked link stays locked');

      // The invitation was used once and says so; a suspended worker is refused at once.
      await vp.goto(`${proxy.url}/join#${token}`);
      await chooseLanguage(vp, t, lang);
      await h1(vp, t('join-invalid-title')).waitFor();
      await vshot('invitation-used');
      // A second invitation opened in the same tab (only the fragment changes: no reload) is read.
      const token2 = invitationToken(await server.admin('worker', 'invite', '--org', orgName));
      await vp.goto(`${proxy.url}/join#${token2}`);
      await h1(vp, t('join-title')).waitFor();
      await vp.getByTestId('join-organisation').filter({ hasText: orgName }).waitFor();
      assert.equal(new URL(vp.url()).hash, '', 'the second token leaves the address bar too');
      // A login name already taken sends the person back to it, and keeps the words shown.
      await vp.getByLabel(t('field-real-name'), { exact: true }).fill(`${realName} bis`);
      await vp.getByLabel(t('field-login-name'), { exact: true }).fill(login);
      await vp.getByRole('button', { name: t('next'), exact: true }).click();
      const words = await generatedPassphrase(vp);
      await vp.getByRole('button', { name: t('join-submit') }).click();
      await vp.getByRole('alert').filter({ hasText: t('err-login-name-taken') }).waitFor({ timeout: 60_000 });
      assert.equal(await vp.getByLabel(t('field-login-name'), { exact: true }).getAttribute('aria-invalid'), 'true', 'the error is about the login name');
      await vshot('join-name-taken');
      await vp.getByLabel(t('field-login-name'), { exact: true }).fill(`${login}-2`);
      await vp.getByRole('button', { name: t('next'), exact: true }).click();
      assert.equal(await generatedPassphrase(vp), words, 'the words shown before stay');
      await vshot('join-words-kept');
      assert.match(await server.admin('worker', 'suspend', w.cardCode), /^suspended: /m);
      await wp.getByRole('button', { name: t('back-to-list') }).click();
      await wp.getByRole('button', { name: t('worker-refresh') }).click();
      await wp.getByRole('alert').waitFor();
      assert.equal(await wp.getByText(message).count(), 0, 'nothing shared is shown any more');
      await wp.getByRole('button', { name: t('quit') }).click();
      await h1(wp, t('start-title')).waitFor();
      // The worker downloaded a file in this session: the notice says it stays in Downloads.
      await wp.getByRole('status').filter({ hasText: t('locked-quit-downloaded') }).waitFor();
      // A worker has a way in worded for a worker's account.
      await openWorkerAccount(wp, t, login, w.passphrase);
      await wshot('worker-login');
      await wp.getByRole('alert').filter({ hasText: t('err-worker_suspended') }).waitFor({ timeout: 60_000 });
      assert.equal(await h1(wp, t('worker-title')).count(), 0, 'the suspended worker does not get in');
      await wshot('suspended');

      for (const b of browsers) {
        assert.deepEqual(b.problems.filter((p) => p.startsWith('pageerror')), [], 'no script errors');
      }
      assert.deepEqual(a11y, [], 'no accessibility problem on any screen');

      // No plaintext, title, file name, message, passphrase or link secret in any request...
      const needles = [
        marker, pdfTitle, storyTitle, secretTitle, message, pdfName, 'decision-cpas', 'gare du Nord', 'adresse de ma sœur',
        h.passphrase, h.code, w.passphrase, w.recoveryCode, firstUrl.hash.slice(1), secondUrl.hash.slice(1), thirdUrl.hash.slice(1), pdfNote,
        photoTitle, thumb.b64,
      ];
      const plaintexts = [
        { name: 'PDF', bytes: pdf },
        { name: 'photo', bytes: photo },
        { name: 'thumbnail', bytes: thumb.bytes },
        { name: 'thumbnail in Base64', bytes: Buffer.from(thumb.b64, 'latin1') },
        { name: 'story', bytes: Buffer.from(storyText, 'utf8') },
        { name: 'private note', bytes: Buffer.from(secretText, 'utf8') },
      ];
      const sent = requestHaystacks(proxy.records);
      assert.ok(proxy.records.some((r) => r.url.startsWith('/api/v1/shared-with-me')), 'the worker’s requests are recorded');
      assert.ok(proxy.records.some((r) => r.url.startsWith('/api/v1/links/')), 'the visitor’s requests are recorded');
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
      assert.deepEqual(findStrings(needles, stored), []);
      assert.deepEqual(findPlaintextRuns(plaintexts, stored), []);
    } catch (e) {
      for (const [shot, name] of [[hshot, 'holder'], [wshot, 'worker'], [vshot, 'visitor']]) await shot(`failure-${name}`).catch(() => undefined);
      const problems = browsers.map((b, i) => `${roles[i]}: ${b.problems.join('\n')}`).join('\n');
      throw new Error(`${e.message}\n--- browsers ---\n${problems}\n--- server ---\n${server.stderr()}`, { cause: e });
    } finally {
      for (const b of browsers) await b.close();
      visitor.removeProfile();
      await proxy.stop();
      await server.stop();
      server.cleanup();
    }
  });
}
