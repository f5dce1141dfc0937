// A server that lies to the browser gets nothing out of it: a worker key swapped for another
// is caught against the card (typed code and QR code) before anything is shared; a key with
// the very code the holder types, answered for a worker the holder shared with before, is
// caught against the wallet record; and weaker Argon2id parameters than wallets are made with
// are refused before anything is derived or sent.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import test from 'node:test';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { confirmSheet, createWallet, invitationToken, joinAsWorker, openWallet, quit, writeNote } from './lib/flows.mjs';
import { accessibilityProblems } from './lib/a11y.mjs';
import { openApp } from './lib/app.mjs';
import { assertDatabaseScanned, findStrings, requestHaystacks } from './lib/scan.mjs';

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

/** The card code of a recipient (docs/sharing.md): the first 40 bits of its SHA-256, and a check character. */
function cardCodeOf(recipient) {
  const fp = createHash('sha256').update(recipient).digest();
  let value = 0;
  for (let i = 0; i < 5; i++) value = value * 256 + fp[i];
  const digits = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let body = '';
  for (let i = 0, v = value; i < 8; i++, v = Math.floor(v / 32)) body = digits[v % 32] + body;
  return `${body.slice(0, 4)}-${body.slice(4)}-${(digits + '*~$=U')[value % 37]}`;
}

test('a key that matches the typed code but not the one the wallet shared with before is refused, from a fresh session too', { timeout: 400_000 }, async () => {
  const env = await openApp({ viewport: VIEWPORTS.terminal, lang: 'nl' });
  const { page, t, server, proxy } = env;
  const h1 = (name) => page.getByRole('heading', { level: 1, exact: true, name });
  const worker = await launch(VIEWPORTS.phone);
  worker.page.setDefaultTimeout(30_000);
  const shares = () => proxy.records.filter((r) => r.method === 'POST' && r.url === '/api/v1/shares').length;
  const shareWith = async (code) => {
    await page.getByRole('button', { name: t('share-start') }).click();
    await h1(t('share-title')).waitFor();
    await page.getByRole('checkbox', { name: /Attest/ }).check();
    await page.getByRole('button', { name: t('next'), exact: true }).click();
    await h1(t('share-who-title')).waitFor();
    await page.getByLabel(t('field-worker-code'), { exact: true }).fill(code);
    await page.getByRole('button', { name: t('share-find-worker') }).click();
  };
  try {
    await server.admin('org', 'add', 'Samusocial');
    const token = invitationToken(await server.admin('worker', 'invite', '--org', 'Samusocial'));
    const w = await joinAsWorker(worker.page, t, { url: `${proxy.url}/join#${token}`, lang: 'nl', realName: 'Karim Benali', login: 'karim-samu' });

    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await writeNote(page, t, { title: 'Attest van woonst', text: 'Sinds maart bij het OCMW.' });

    // A first, honest share by typed code: the wallet record now holds the worker's key.
    let realRecipient = null;
    await page.route('**/api/v1/workers/*', async (route) => {
      const real = await route.fetch();
      const body = await real.json();
      realRecipient = body.recipient;
      await route.fulfill({ response: real, json: body });
    });
    await shareWith(w.cardCode);
    await h1(t('share-check-title')).waitFor();
    await page.getByRole('button', { name: t('share-worker-yes') }).click();
    await h1(t('share-details-title')).waitFor();
    await page.getByRole('button', { name: t('share-confirm') }).click();
    await h1(t('share-done-title')).waitFor();
    assert.equal(shares(), 1);
    await page.getByRole('button', { name: t('back-to-documents') }).click();
    await quit(page, t);
    await page.unroute('**/api/v1/workers/*');

    // The server has ground a key whose code the holder is given (the attack the 40-bit code
    // alone cannot stop; here the test makes the holder type the substituted key's own code),
    // and answers it for the same worker. A new session: nothing of the first is in memory.
    const groundCode = cardCodeOf(OTHER_RECIPIENT);
    assert.notEqual(groundCode, w.cardCode);
    await page.route('**/api/v1/workers/*', async (route) => {
      const asked = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
      if (asked !== groundCode) return route.continue();
      const real = await route.fetch({ url: route.request().url().replace(/[^/]*$/, encodeURIComponent(w.cardCode)) });
      const body = await real.json();
      await route.fulfill({ response: real, json: { ...body, code: groundCode, recipient: OTHER_RECIPIENT } });
    });
    const opened = proxy.records.length;
    await openWallet(page, t, pseudonym, passphrase);
    await h1(t('wallet-title')).waitFor({ timeout: 60_000 });
    assert.equal(
      proxy.records.slice(opened).filter((r) => r.url === '/api/v1/account/record').length, 0,
      'opening the wallet does not read the record',
    );
    await shareWith(groundCode);
    await page.getByText(t('err-worker_key_changed')).waitFor();
    assert.equal(await h1(t('share-check-title')).count(), 0, 'the worker is not offered');
    assert.equal(shares(), 1, 'nothing was shared to the substituted key');
    assert.deepEqual(await accessibilityProblems(page, 'worker-key-changed'), []);

    // The record never leaves the browser in clear: not its fields, not the fingerprint it
    // keeps, in no request, log line or database row.
    assert.ok(proxy.records.some((r) => r.method === 'PUT' && r.url === '/api/v1/account/record'), 'the record was written');
    const fingerprint = createHash('sha256').update(realRecipient).digest('base64url');
    const needles = [fingerprint, '"fingerprint"', '"first_used"', '"workers"', passphrase];
    assert.deepEqual(findStrings(needles, requestHaystacks(proxy.records)), []);
    assert.deepEqual(findStrings(needles, [{ name: 'server log', bytes: server.log() }]), []);
    await server.stop();
    const stored = server.storedFiles();
    assertDatabaseScanned(stored, server.database);
    assert.deepEqual(findStrings(needles, stored), []);
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
