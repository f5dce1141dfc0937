// A server that lies to the browser gets nothing out of it: weaker Argon2id parameters than
// wallets are made with are refused before anything is derived or sent.
import assert from 'node:assert/strict';
import test from 'node:test';
import { VIEWPORTS } from './lib/browser.mjs';
import { confirmSheet, createWallet, openWallet, quit } from './lib/flows.mjs';
import { openApp } from './lib/app.mjs';

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
