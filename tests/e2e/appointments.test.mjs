// Appointment cards, in French on a phone and in Dutch on a terminal. On Sunday a holder
// prepares two appointments for Tuesday 10:00–12:00 (Brussels time): one with a verified worker
// (by card code), one as a link with a PIN, and gets a card for each (who, the day in words and
// numbers, the hours, a QR code). The server's clock then goes to Tuesday: at 9:59 the worker's
// "Shared with me" is empty and the link opens nothing; at 10:30 the worker opens the document
// and the link visitor opens theirs with the PIN; at 12:01 both are refused. The holder's
// "My shares" shows both appointments with their hours and the two openings. The new screens
// have no accessibility problem, and no request carries a document's title or text.
// The server's clock is the test build's clock file (README: PDE_TEST_CLOCK_FILE); each
// browser's is Playwright's fake clock, moved with it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { accessibilityProblems } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { chooseLanguage, confirmSheet, createWallet, escapeRe, invitationToken, joinAsWorker, settledClick, writeNote } from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { SCREENSHOT_DIR } from './lib/paths.mjs';
import { startServer } from './lib/server.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });

/** Sunday 10:00 in Brussels: when the holder prepares the appointments. */
const SUNDAY = Date.parse('2026-11-22T10:00:00+01:00');
/** The appointment: Tuesday 24 November 2026, 10:00 to 12:00 in Brussels. */
const DAY = '2026-11-24';
const OPENS = Date.parse('2026-11-24T10:00:00+01:00');
const CLOSES = Date.parse('2026-11-24T12:00:00+01:00');
const MINUTE = 60_000;

/** In Share, with the documents picked and the worker or link chosen: "only at an appointment", Tuesday 10:00–12:00. */
async function chooseTuesday(page, t) {
  await page.getByRole('radio', { name: t('appt-when-appointment') }).check();
  await page.getByLabel(t('appt-field-day'), { exact: true }).fill(DAY);
  // The end before the start is caught before anything is sent.
  await page.getByLabel(t('appt-field-from'), { exact: true }).selectOption('10:00');
  await page.getByLabel(t('appt-field-until'), { exact: true }).selectOption('09:00');
}

async function startShare(page, t, title) {
  await page.getByRole('button', { name: t('share-start') }).click();
  await h1(page, t('share-title')).waitFor();
  await page.getByRole('checkbox', { name: new RegExp(escapeRe(title)) }).check();
  await page.getByRole('button', { name: t('next'), exact: true }).click();
  await h1(page, t('share-who-title')).waitFor();
}

/** The card's facts, checked: with whom, the day in words and in numbers, the hours. */
async function checkCard(page, t, lang, withWhom) {
  await h1(page, t('appt-card-title')).waitFor({ timeout: 30_000 });
  const card = page.getByTestId('appointment-card');
  assert.equal((await card.getByTestId('appointment-with').textContent()).trim(), withWhom);
  const words = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-BE' : 'nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(OPENS);
  const day = (await card.getByTestId('appointment-day').textContent()).trim();
  assert.ok(day.startsWith(words), `the day in words: ${day}`);
  assert.ok(day.includes('24/11/2026'), `the day in numbers: ${day}`);
  assert.equal((await card.getByTestId('appointment-hours').textContent()).trim(), t('appt-card-hours-value', { from: '10:00', until: '12:00' }));
  await card.locator('svg.qr').waitFor();
}

for (const { lang, viewport } of [
  { lang: 'fr', viewport: 'phone' },
  { lang: 'nl', viewport: 'terminal' },
]) {
  test(`appointment cards on the ${viewport} in ${lang}: a worker and a link open only on Tuesday 10:00–12:00`, { timeout: 900_000 }, async () => {
    const t = messages(lang);
    const clockDir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-clock-'));
    const clockFile = path.join(clockDir, 'now');
    // Sessions outlast the two days the story covers.
    const server = await startServer({ PDE_TEST_CLOCK_FILE: clockFile, PDE_SESSION_IDLE_SECS: '604800', PDE_SESSION_ABSOLUTE_SECS: '604800' });
    const holder = await launch(VIEWPORTS[viewport], { timezoneId: 'Europe/Brussels' });
    const worker = await launch(VIEWPORTS.terminal, { timezoneId: 'Europe/Brussels' });
    const visitor = await launch(VIEWPORTS.phone, { timezoneId: 'Europe/Brussels' });
    const browsers = [holder, worker, visitor];
    const [hp, wp, vp] = browsers.map((b) => b.page);
    const setClock = async (ms) => {
      writeFileSync(clockFile, String(Math.floor(ms / 1000)));
      for (const p of [hp, wp, vp]) await p.clock.setSystemTime(ms);
    };
    const problems = [];
    const check = async (page, screen) => problems.push(...(await accessibilityProblems(page, screen)));
    // Every request to the API, with its body.
    const sent = [];
    for (const p of [hp, wp, vp]) {
      p.setDefaultTimeout(30_000);
      p.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/')) sent.push({ url: r.url(), body: r.postDataBuffer() ?? Buffer.alloc(0) });
      });
    }
    try {
      writeFileSync(clockFile, String(Math.floor(SUNDAY / 1000)));
      for (const p of [hp, wp, vp]) await p.clock.install({ time: SUNDAY });
      const marker = `pdeappt${randomBytes(6).toString('hex')}`;
      const workerTitle = `Contrat ${marker} bail`;
      const workerText = `Mon bail ${marker}, loyer de mars.`;
      const linkTitle = `Attestation ${marker} mutuelle`;
      const linkText = `Attestation ${marker} de la mutuelle.`;
      const orgName = `CPAS Schaerbeek ${lang}`;
      const realName = `Ana Lopes ${lang}`;

      // A verified worker.
      await server.admin('org', 'add', orgName);
      const token = invitationToken(await server.admin('worker', 'invite', '--org', orgName));
      const w = await joinAsWorker(wp, t, { url: `${server.url}/join#${token}`, lang, realName, login: `ana-${lang}-${randomBytes(3).toString('hex')}` });
      assert.match(await server.admin('worker', 'verify', w.cardCode), /^verified: /m);

      // The holder, on Sunday, with two documents.
      await hp.goto(server.url);
      await chooseLanguage(hp, t, lang);
      const h = await createWallet(hp, t);
      await confirmSheet(hp, t, h.code);
      await writeNote(hp, t, { title: workerTitle, text: workerText });
      await writeNote(hp, t, { title: linkTitle, text: linkText });

      // An appointment with the worker.
      await startShare(hp, t, workerTitle);
      await hp.getByLabel(t('field-worker-code'), { exact: true }).fill(w.cardCode);
      await hp.getByRole('button', { name: t('share-find-worker') }).click();
      await hp.getByRole('button', { name: t('share-worker-yes') }).click();
      await h1(hp, t('share-details-title')).waitFor();
      await chooseTuesday(hp, t);
      await hp.getByRole('button', { name: t('share-confirm') }).click();
      await hp.getByRole('alert').filter({ hasText: t('err-appt-ends_before_start') }).waitFor();
      await hp.getByLabel(t('appt-field-until'), { exact: true }).selectOption('12:00');
      await hp.getByTestId('appointment-summary').filter({ hasText: '10:00' }).waitFor();
      await check(hp, 'share details, appointment');
      await hp.getByRole('button', { name: t('share-confirm') }).click();
      await checkCard(hp, t, lang, t('appt-card-worker', { name: realName, organisation: orgName }));
      await hp.getByText(t('appt-card-how-worker', { name: realName, from: '10:00', until: '12:00' })).waitFor();
      assert.equal(await hp.getByText(workerTitle).count(), 0, 'the card does not name the documents');
      await check(hp, 'appointment card, worker');
      await hp.getByRole('button', { name: t('back-to-documents') }).click();
      await h1(hp, t('wallet-title')).waitFor();

      // An appointment by link, with the PIN proposed.
      await startShare(hp, t, linkTitle);
      await hp.getByRole('button', { name: t('share-make-link') }).click();
      await h1(hp, t('link-make-title')).waitFor();
      await chooseTuesday(hp, t);
      await hp.getByLabel(t('appt-field-until'), { exact: true }).selectOption('12:00');
      await hp.getByRole('button', { name: t('link-confirm') }).click();
      await checkCard(hp, t, lang, t('appt-card-link'));
      const link = (await hp.getByTestId('appointment-link').textContent()).trim();
      assert.match(link, /^http.*\/s\/[0-9a-f]{32}#[A-Za-z0-9_-]{43}$/);
      const pin = (await hp.getByTestId('appointment-pin').textContent()).replace(/\D/g, '');
      assert.match(pin, /^\d{6}$/);
      assert.ok(!(await hp.getByTestId('appointment-card').textContent()).includes(pin.slice(0, 3) + ' ' + pin.slice(3)), 'the PIN is not on the card');
      await check(hp, 'appointment card, link');

      // My shares: both, with their day and hours, to come.
      await hp.getByRole('button', { name: t('shares-open') }).click();
      await h1(hp, t('shares-title')).waitFor();
      const articles = hp.getByRole('article');
      await articles.first().waitFor();
      assert.equal(await articles.filter({ hasText: t('share-status-scheduled') }).count(), 2);
      assert.equal(await hp.getByTestId('appointment-window').filter({ hasText: '10:00' }).filter({ hasText: '12:00' }).count(), 2);
      await check(hp, 'my shares, appointments to come');

      // A fresh page load each time (from the address bar the secret's fragment is gone).
      const openLink = async () => {
        await vp.goto('about:blank');
        await vp.goto(link);
        await chooseLanguage(vp, t, lang);
      };
      const typePin = async () => {
        await h1(vp, t('link-pin-title')).waitFor();
        await vp.getByLabel(t('field-link-pin'), { exact: true }).fill(pin);
        await vp.getByRole('button', { name: t('link-pin-submit') }).click();
      };

      // Tuesday 9:59: nothing for the worker, nothing through the link.
      await setClock(OPENS - MINUTE);
      await wp.getByRole('button', { name: t('worker-refresh') }).click();
      await wp.getByText(t('worker-none')).waitFor();
      await openLink();
      await h1(vp, t('link-bad-title')).waitFor();
      await vp.getByText(t('link-bad-appointment')).waitFor();
      await check(vp, 'link before its window');

      // 10:30: the worker opens the document; the visitor opens the link with the PIN.
      await setClock(OPENS + 30 * MINUTE);
      await wp.getByRole('button', { name: t('worker-refresh') }).click();
      await wp.getByRole('button', { name: new RegExp(escapeRe(workerTitle)) }).click();
      await h1(wp, workerTitle).waitFor();
      assert.equal(await wp.getByTestId('doc-text').textContent(), workerText);
      await settledClick(wp, wp.getByRole('button', { name: t('close'), exact: true }));
      await h1(wp, t('worker-title')).waitFor();
      await openLink();
      await typePin();
      await h1(vp, t('link-title')).waitFor();
      await vp.getByRole('button', { name: new RegExp(escapeRe(linkTitle)) }).click();
      await h1(vp, linkTitle).waitFor();
      assert.equal(await vp.getByTestId('doc-text').textContent(), linkText);

      // The holder sees both openings.
      await hp.getByRole('button', { name: t('back-to-documents') }).click();
      await hp.getByRole('button', { name: t('shares-open') }).click();
      await h1(hp, t('shares-title')).waitFor();
      const workerShare = articles.filter({ hasText: realName });
      const linkShare = articles.filter({ hasText: t('share-with-link') });
      await workerShare.locator('.receipts li').filter({ hasText: t('receipt-open') }).filter({ hasText: workerTitle }).waitFor();
      await linkShare.locator('.receipts li').filter({ hasText: t('receipt-open') }).filter({ hasText: linkTitle }).waitFor();
      assert.ok((await workerShare.textContent()).includes(t('receipt-by-worker', { name: realName })));
      assert.equal(await workerShare.locator('.receipts li').count(), 1);
      assert.equal(await linkShare.locator('.receipts li').count(), 1);
      await check(hp, 'my shares, receipts');

      // 12:01: both have ended.
      await setClock(CLOSES + MINUTE);
      await wp.getByRole('button', { name: t('worker-refresh') }).click();
      await wp.getByText(t('worker-none')).waitFor();
      await openLink();
      await h1(vp, t('link-ended-title')).waitFor();

      assert.deepEqual(problems, [], 'no accessibility problem on the new screens');
      assert.ok(sent.some((r) => r.url.endsWith('/api/v1/shares')), 'the share requests were recorded');
      const leaks = [];
      for (const r of sent) {
        const text = r.url + r.body.toString('latin1');
        for (const needle of [marker, workerText, linkText]) if (text.includes(needle)) leaks.push(`${r.url} carries "${needle}"`);
      }
      assert.deepEqual(leaks, [], 'no request carries a title or a document text');
      for (const b of browsers) assert.deepEqual(b.problems.filter((p) => p.startsWith('pageerror')), [], 'no script error');
    } catch (e) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      for (const [name, p] of [['holder', hp], ['worker', wp], ['visitor', vp]]) {
        await p.screenshot({ path: path.join(SCREENSHOT_DIR, `appointments-${lang}-${name}-failed.png`), fullPage: true }).catch(() => undefined);
      }
      throw e;
    } finally {
      for (const b of browsers) await b.close();
      await server.stop();
      server.cleanup();
      rmSync(clockDir, { recursive: true, force: true });
    }
  });
}
