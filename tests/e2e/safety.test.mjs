// What protects a holder beyond the happy path: a wrong passphrase opens nothing, an idle
// wallet locks itself, a damaged document does not break the others, and a keyboard alone
// is enough to create a wallet.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import test from 'node:test';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import {
  chooseLanguage, closeDocument, confirmSheet, createWallet, escapeRe, invitationToken, joinAsWorker, openDocument, openWallet, quit, screenshotter,
  tabTo as tabToIn, writeNote,
} from './lib/flows.mjs';
import { filesUnder } from './lib/scan.mjs';
import { openApp } from './lib/app.mjs';

const setup = (viewport = VIEWPORTS.terminal, lang = 'fr', beforeGoto = async () => {}) => openApp({ viewport, lang, beforeGoto });

test('a wrong passphrase shows one clear message and opens nothing; too many tries say how long to wait', { timeout: 300_000 }, async () => {
  const env = await setup(VIEWPORTS.phone, 'nl');
  const { page, t } = env;
  const shot = screenshotter(page, 'safety-wrong-passphrase');
  try {
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await quit(page, t);

    await openWallet(page, t, pseudonym, `${passphrase} x`);
    const alert = page.getByRole('alert').filter({ hasText: t('err-login-passphrase') });
    await alert.waitFor({ timeout: 60_000 });
    await shot('wrong-passphrase');
    assert.equal(await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).count(), 0);
    assert.equal(await page.getByRole('button', { name: t('quit') }).count(), 0);
    const logins = env.proxy.records.filter((r) => r.url === '/api/v1/auth/login');
    assert.deepEqual(logins.map((r) => r.status), [401], 'the one log-in was refused: no session was opened');

    // The field with the wrong passphrase is marked, and the error is tied to it.
    const field = page.getByLabel(t('field-passphrase'), { exact: true });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.getAttribute('aria-describedby'), await alert.getAttribute('id'));
    assert.equal(await page.getByTestId('recovery-hint').count(), 0, 'one failure: no talk of the recovery code yet');

    // An unknown pseudonym gets exactly the same message.
    await openWallet(page, t, 'nobody-here-42', passphrase);
    await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.disabled);
    assert.equal((await page.getByRole('alert').textContent()).trim(), t('err-login-passphrase'));
    assert.equal(await page.getByTestId('recovery-hint').count(), 0);

    // Keep failing: the server makes us wait, and the page says for how long.
    // (the message has plural forms; its number is what the server's Retry-After said)
    let seen = null;
    for (let i = 0; i < 8 && !seen; i++) {
      await openWallet(page, t, pseudonym, `wrong ${i}`);
      await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.disabled, null, { timeout: 60_000 });
      // After three failures, the page points to the recovery code.
      if (i === 0) await page.getByTestId('recovery-hint').filter({ hasText: t('login-recovery-hint') }).waitFor();
      const text = (await page.getByRole('alert').textContent()).trim();
      if (text !== t('err-login-passphrase')) {
        const m = /(\d+)/.exec(text);
        assert.ok(m, `a wait message with a number: ${text}`);
        seen = Number(m[1]);
        assert.equal(text, t('err-too_many_attempts', { seconds: seen }));
      }
    }
    assert.ok(seen && seen >= 1, 'a "wait N seconds" message appeared');
    await shot('too-many-attempts');
    await page.getByTestId('recovery-hint').getByRole('button', { name: t('recover-start') }).click();
    await page.getByRole('heading', { level: 1, exact: true, name: t('recover-title') }).waitFor();
  } finally {
    await env.close();
  }
});

/**
 * Calls every route that needs a session (from the server's OpenAPI document) from `page`
 * with whatever the browser still holds (cookies included), as the next person at a shared
 * computer could; answers "METHOD path → status" for each.
 */
async function callEverySessionRoute(page, ids) {
  return page.evaluate(async ({ doc }) => {
    const spec = await (await fetch('/api/openapi.json')).json();
    const fill = (p) => p
      .replace('{code}', 'B8Y9-W7S7-8')
      .replace(/\{(id|doc)\}/g, (_, name) => (name === 'doc' || p.startsWith('/api/v1/documents') ? doc : '00112233445566778899aabbccddeeff'));
    const out = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!(op.security ?? []).some((s) => 'session' in s)) continue;
        const res = await fetch(fill(path), {
          method: method.toUpperCase(),
          credentials: 'include',
          headers: method === 'get' ? {} : { 'X-PDE-Client': '1', 'Content-Type': 'application/json' },
          body: method === 'get' || method === 'head' ? undefined : '{}',
        });
        out.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    return out;
  }, ids);
}

test('leaving without Quit (closing the tab, reloading) leaves no usable session behind', { timeout: 300_000 }, async () => {
  const env = await setup(VIEWPORTS.terminal, 'fr');
  const { page, t, proxy } = env;
  const h1 = (p, name) => p.getByRole('heading', { level: 1, exact: true, name });
  try {
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await writeNote(page, t, { title: 'Note du terminal', text: 'Reste dans le portefeuille.' });
    const doc = proxy.records.find((r) => r.method === 'PUT' && /\/content$/.test(r.url)).url.split('/')[4];
    assert.equal((await env.browser.context.cookies()).length, 0, 'the browser keeps no cookie');

    // Close the tab without Quit; the next person opens a new tab in the same browser.
    const logouts = () => proxy.records.filter((r) => r.url === '/api/v1/auth/logout' && r.status === 204).length;
    await page.close();
    await expectEventually(() => logouts() === 1, 'the closed tab ended its session on the server');
    const next = await env.browser.context.newPage();
    await next.goto(proxy.url);
    await chooseLanguage(next, t, 'fr');
    await h1(next, t('start-title')).waitFor();
    const afterClose = await callEverySessionRoute(next, { doc });
    assert.ok(afterClose.length >= 15, `every session route was tried: ${afterClose.join(', ')}`);
    assert.deepEqual(afterClose.filter((line) => !line.endsWith('→ 401')), [], 'every session route refuses the closed tab\'s leftovers');

    // The same after a reload of an open wallet.
    await openWallet(next, t, pseudonym, passphrase);
    await h1(next, t('wallet-title')).waitFor({ timeout: 60_000 });
    await next.getByText('Note du terminal').waitFor();
    await next.reload();
    await chooseLanguage(next, t, 'fr');
    await h1(next, t('start-title')).waitFor();
    await expectEventually(() => logouts() === 2, 'the reloaded page ended its session on the server');
    assert.equal(await next.getByText('Note du terminal').count(), 0);
    const afterReload = await callEverySessionRoute(next, { doc });
    assert.deepEqual(afterReload.filter((line) => !line.endsWith('→ 401')), [], 'every session route refuses after a reload');
  } finally {
    await env.close();
  }
});

test('the wallet warns at 9 idle minutes and locks itself at 10', { timeout: 300_000 }, async () => {
  const env = await setup(VIEWPORTS.terminal, 'fr', (page) => page.clock.install());
  const { page, t, proxy } = env;
  const shot = screenshotter(page, 'safety-auto-lock');
  try {
    const { code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await writeNote(page, t, { title: 'Secret idle note', text: 'idle text' });

    const warning = page.getByRole('alertdialog', { name: t('idle-title') });
    await page.clock.fastForward('08:50');
    assert.equal(await warning.isVisible(), false, 'no warning before 9 minutes');
    await page.clock.fastForward('00:15');
    await warning.waitFor();
    await shot('warning');
    // "Stay" keeps the wallet open for another 10 minutes.
    await warning.getByRole('button', { name: t('idle-stay') }).click();
    await warning.waitFor({ state: 'hidden' });
    await page.clock.fastForward('05:00');
    assert.ok(await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).isVisible());

    await page.clock.fastForward('04:05');
    await warning.waitFor();
    const logoutsBefore = proxy.records.filter((r) => r.url === '/api/v1/auth/logout').length;
    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
    await page.getByText(t('locked-idle')).waitFor();
    await shot('locked');
    assert.equal(await page.getByText('Secret idle note').count(), 0, 'nothing decrypted stays on the page');
    assert.equal(await page.getByRole('button', { name: t('quit') }).count(), 0);
    await page.waitForFunction(() => true);
    await expectEventually(() => proxy.records.filter((r) => r.url === '/api/v1/auth/logout' && r.status === 204).length === logoutsBefore + 1, 'logged out on the server');
    assert.equal((await env.browser.context.cookies()).length, 0);
  } finally {
    await env.close();
  }
});

test('a damaged document says so, and the rest of the wallet still opens', { timeout: 300_000 }, async () => {
  const env = await setup(VIEWPORTS.phone, 'fr');
  const { page, t, proxy, server } = env;
  const shot = screenshotter(page, 'safety-damaged');
  try {
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await writeNote(page, t, { title: 'Note intacte', text: 'Ceci reste lisible.' });
    await writeNote(page, t, { title: 'Note abimee', text: 'Ceci sera abîmé sur le disque. '.repeat(10) });
    const uploads = proxy.records.filter((r) => r.method === 'PUT' && /\/content$/.test(r.url));
    assert.equal(uploads.length, 2);
    const damagedId = uploads[1].url.split('/')[4];
    await quit(page, t);

    const blob = filesUnder(server.blobDir).find((f) => f.name.includes(damagedId));
    assert.ok(blob, `the blob file of ${damagedId} exists`);
    const bytes = readFileSync(blob.name);
    bytes[bytes.length - 40] ^= 0x01;
    writeFileSync(blob.name, bytes);

    await openWallet(page, t, pseudonym, passphrase);
    await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 60_000 });
    await openDocument(page, t, 'Note abimee');
    await page.getByRole('alert').filter({ hasText: t('doc-damaged') }).waitFor();
    assert.equal(await page.getByTestId('doc-text').count(), 0, 'no partial plaintext is shown');
    await shot('damaged');
    await closeDocument(page, t);
    await openDocument(page, t, 'Note intacte');
    assert.equal(await page.getByTestId('doc-text').textContent(), 'Ceci reste lisible.');
    await shot('intact');
  } finally {
    await env.close();
  }
});

test('a wallet can be created with the keyboard alone, with visible focus', { timeout: 300_000 }, async () => {
  const env = await setup(VIEWPORTS.phone, 'nl');
  const { page, t } = env;
  const shot = screenshotter(page, 'safety-keyboard');
  const tabTo = (name) => tabToIn(page, name);
  try {
    await tabTo(t('create-start'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, exact: true, name: t('create-title') }).waitFor();
    await tabTo(t('field-pseudonym'));
    await page.keyboard.type('toetsenbord-gebruiker');
    await tabTo(t('next'));
    await shot('pseudonym-focus');
    await page.keyboard.press('Enter');
    await page.getByTestId('generated-passphrase').waitFor();
    // A typed passphrase gets a strength meter, and a weak one is refused.
    await tabTo(t('pass-type-own'));
    await page.keyboard.press('Enter');
    await tabTo(t('pass-typed-label'));
    await page.keyboard.type('azerty123');
    await page.getByText(t('pass-strength', { level: t('pass-level-0') })).waitFor();
    await tabTo(t('pass-again-label'));
    await page.keyboard.type('azerty123');
    await tabTo(t('create-submit'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: t('pass-too-weak') }).waitFor();
    await shot('typed-too-weak');
    assert.equal(await page.getByTestId('recovery-code').count(), 0, 'a weak passphrase creates nothing');
    await tabTo(t('pass-use-generated'));
    await page.keyboard.press('Enter');
    await tabTo(t('pass-show-another'));
    await page.keyboard.press('Enter');
    await tabTo(t('create-submit'));
    await shot('passphrase-focus');
    await page.keyboard.press('Enter');
    const code = (await page.getByTestId('recovery-code').textContent({ timeout: 60_000 })).trim();
    await tabTo(t('sheet-kept'));
    await page.keyboard.press('Enter');
    await tabTo(t('confirm-label', { n: 3 }));
    await page.keyboard.type(code.split('-')[2]);
    await shot('confirm-typed');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor();
    // and Quit is reachable too
    await tabTo(t('quit'));
    await shot('wallet-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
  } catch (e) {
    await shot('failure');
    throw e;
  } finally {
    await env.close();
  }
});

test('a holder can share with a worker and stop the share with the keyboard alone', { timeout: 300_000 }, async () => {
  const env = await setup(VIEWPORTS.phone, 'fr');
  const { page, t, server, proxy } = env;
  const worker = await launch(VIEWPORTS.terminal);
  worker.page.setDefaultTimeout(30_000);
  const shot = screenshotter(page, 'safety-keyboard-share');
  const h1 = (name) => page.getByRole('heading', { level: 1, exact: true, name });
  const tabTo = (name) => tabToIn(page, name);
  try {
    await server.admin('org', 'add', 'Samusocial');
    const token = invitationToken(await server.admin('worker', 'invite', '--org', 'Samusocial'));
    const realName = 'Karim Benali';
    const w = await joinAsWorker(worker.page, t, { url: `${proxy.url}/join#${token}`, lang: 'fr', realName, login: 'karim-samu' });

    const { code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    const title = 'Attestation de domicile';
    await writeNote(page, t, { title, text: 'Domicilié au CPAS depuis mars.' });

    // From here on, only the keyboard.
    await tabTo(t('share-start'));
    await page.keyboard.press('Enter');
    await h1(t('share-title')).waitFor();
    await tabTo(new RegExp(escapeRe(title)));
    await page.keyboard.press('Space');
    await tabTo(t('next'));
    await page.keyboard.press('Enter');
    await h1(t('share-who-title')).waitFor();
    await tabTo(t('field-worker-code'));
    await page.keyboard.type(w.cardCode);
    await page.getByText(t('code-hint-ok', { code: w.cardCode })).waitFor();
    await tabTo(t('share-find-worker'));
    await shot('code-typed');
    await page.keyboard.press('Enter');
    await h1(t('share-check-title')).waitFor();
    await page.getByTestId('worker-unverified').waitFor();
    await tabTo(t('share-worker-yes'));
    await page.keyboard.press('Enter');
    await h1(t('share-details-title')).waitFor();
    await tabTo(t('share-confirm'));
    await shot('confirm-focus');
    await page.keyboard.press('Enter');
    await h1(t('share-done-title')).waitFor();
    await tabTo(t('shares-open'));
    await page.keyboard.press('Enter');
    await h1(t('shares-title')).waitFor();
    await tabTo(t('share-revoke'));
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: t('revoke-title') }).waitFor();
    await tabTo(t('revoke-confirm'));
    await shot('revoke-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: t('revoked-notice') }).waitFor();
    await page.getByText(t('share-status-revoked')).waitFor();
    await shot('revoked');
  } catch (e) {
    await shot('failure');
    throw e;
  } finally {
    await worker.close();
    await env.close();
  }
});

async function expectEventually(check, what) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(what);
}
