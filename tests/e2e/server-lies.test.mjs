// A server that lies to the browser gets nothing out of it: a worker key swapped for another
// is caught against the card (typed code and QR code) before anything is shared, and weaker
// Argon2id parameters than wallets are made with are refused before anything is derived or sent.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import test from 'node:test';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { confirmSheet, createWallet, invitationToken, joinAsWorker, openWallet, quit, writeNote } from './lib/flows.mjs';
import { openApp } from './lib/app.mjs';

// Another valid recipient: what a lying server would answer instead of the worker's key.
const OTHER_RECIPIENT = 'age1qvmdz8h5a9caz9d9qhshhm32z7gweaahx9fpn4pvxmwv0uuv4ehq3qtpdh';

test('a worker key swapped by the server is refused for a typed code and for a scanned card, and nothing is shared', { timeout: 400_000 }, async () => {
  // The holder's phone has a camera (Chromium's fake one) and reads QR codes: the page's
  // BarcodeDetector answers what the test puts in `window.__qr`, as a real one reading the
  // worker's card would.
  const env = await openApp({
    viewport: VIEWPORTS.phone,
    lang: 'fr',
    launchOptions: { extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] },
    beforeGoto: async (page) => {
      await page.context().grantPermissions(['camera']);
      await page.addInitScript(() => {
        window.__qr = null;
        window.BarcodeDetector = class {
          static async getSupportedFormats() {
            return ['qr_code'];
          }
          async detect() {
            return window.__qr ? [{ rawValue: window.__qr }] : [];
          }
        };
      });
    },
  });
  const { page, t, server, proxy } = env;
  const h1 = (name) => page.getByRole('heading', { level: 1, exact: true, name });
  const worker = await launch(VIEWPORTS.terminal);
  worker.page.setDefaultTimeout(30_000);
  try {
    await server.admin('org', 'add', 'Samusocial');
    const token = invitationToken(await server.admin('worker', 'invite', '--org', 'Samusocial'));
    const w = await joinAsWorker(worker.page, t, { url: `${proxy.url}/join#${token}`, lang: 'fr', realName: 'Karim Benali', login: 'karim-samu' });

    const { code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    const title = 'Attestation de domicile';
    await writeNote(page, t, { title, text: 'Domicilié au CPAS depuis mars.' });

    // The server answers another key for the worker's code.
    let realRecipient = null;
    let swap = true;
    await page.route('**/api/v1/workers/*', async (route) => {
      const real = await route.fetch();
      const body = await real.json();
      realRecipient = body.recipient;
      await route.fulfill({ response: real, json: swap ? { ...body, recipient: OTHER_RECIPIENT } : body });
    });
    await page.getByRole('button', { name: t('share-start') }).click();
    await h1(t('share-title')).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(title) }).check();
    await page.getByRole('button', { name: t('next'), exact: true }).click();
    await h1(t('share-who-title')).waitFor();

    // Typed code: refused with the message that says to tell the operator.
    await page.getByLabel(t('field-worker-code'), { exact: true }).fill(w.cardCode);
    await page.getByRole('button', { name: t('share-find-worker') }).click();
    await page.getByText(t('err-worker_key_mismatch')).waitFor();
    assert.equal(await h1(t('share-check-title')).count(), 0, 'the worker is not offered');
    assert.ok(realRecipient, 'the server was asked');

    // Scanned card: its QR code carries the whole fingerprint of the worker's real key.
    const fp = createHash('sha256').update(realRecipient).digest('base64url');
    await page.evaluate((text) => {
      window.__qr = text;
    }, `pde-worker:1:${fp}`);
    // (Typing clears the message, so the one below is the scan's own.)
    await page.getByLabel(t('field-worker-code'), { exact: true }).fill('');
    await page.getByText(t('err-worker_key_mismatch')).waitFor({ state: 'detached' });
    const lookups = proxy.records.filter((r) => r.url.startsWith('/api/v1/workers/')).length;
    await page.getByRole('button', { name: t('share-scan') }).click();
    await page.getByText(t('err-worker_key_mismatch')).waitFor();
    assert.ok(proxy.records.filter((r) => r.url.startsWith('/api/v1/workers/')).length > lookups, 'the scanned card was looked up');
    assert.equal(await h1(t('share-check-title')).count(), 0, 'the worker is not offered');
    assert.equal(proxy.records.filter((r) => r.method === 'POST' && r.url === '/api/v1/shares').length, 0, 'nothing was shared');

    // The honest answer, scanned: the worker is offered and the share is made.
    swap = false;
    await page.getByRole('button', { name: t('share-scan') }).click();
    await h1(t('share-check-title')).waitFor();
    await page.getByRole('button', { name: t('share-worker-yes') }).click();
    await h1(t('share-details-title')).waitFor();
    await page.getByRole('button', { name: t('share-confirm') }).click();
    await h1(t('share-done-title')).waitFor();
    assert.equal(proxy.records.filter((r) => r.method === 'POST' && r.url === '/api/v1/shares').length, 1);
  } finally {
    await worker.close();
    await env.close();
  }
});

test('weaker Argon2id parameters from the server are refused, and no log-in is sent', { timeout: 300_000 }, async () => {
  const env = await openApp({ viewport: VIEWPORTS.phone, lang: 'nl' });
  const { page, t, proxy } = env;
  const h1 = (name) => page.getByRole('heading', { level: 1, exact: true, name });
  try {
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await quit(page, t);

    // The server (here: the page's view of it) answers 8 MiB and one pass instead of the
    // 64 MiB and three passes the wallet was made with.
    await page.route('**/api/v1/auth/params', async (route) => {
      const real = await route.fetch();
      const body = await real.json();
      assert.equal(body.kdf.m_kib, 65536, 'the real answer is the wallet\'s parameters');
      await route.fulfill({ response: real, json: { ...body, kdf: { ...body.kdf, m_kib: 8192, t: 1 } } });
    });
    const loginsBefore = proxy.records.filter((r) => r.url === '/api/v1/auth/login').length;
    await openWallet(page, t, pseudonym, passphrase);
    await page.getByText(t('err-weak_kdf')).waitFor();
    assert.equal(proxy.records.filter((r) => r.url === '/api/v1/auth/login').length, loginsBefore, 'no log-in request was sent');
    assert.equal(await h1(t('wallet-title')).count(), 0, 'the wallet did not open');

    // With the server's real answer, the same passphrase opens the wallet.
    await page.unroute('**/api/v1/auth/params');
    await page.getByRole('button', { name: t('open-submit'), exact: true }).click();
    await h1(t('wallet-title')).waitFor({ timeout: 60_000 });
  } finally {
    await env.close();
  }
});
