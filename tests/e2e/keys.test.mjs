// Where the keys live in the browser: only in the crypto worker. The page's JS heap holds
// neither the wallet identity W nor any document key D, the worker holds both, Quit ends the
// worker, and a worker that dies during an add closes the wallet with a clear message and
// leaves nothing on the server.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { VIEWPORTS } from './lib/browser.mjs';
import { confirmSheet, createWallet, openWallet, quit, writeNote } from './lib/flows.mjs';
import { attachWorkers } from './lib/cdp.mjs';
import { heapSnapshot, pageTarget, scanBuffers, walletSecrets } from './lib/secrets.mjs';
import { openApp } from './lib/app.mjs';

const setup = (lang) => openApp({ viewport: VIEWPORTS.phone, lang });

const walletShown = (page, t) => page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 60_000 });

test('the page holds no key material: W and every D are in the crypto worker only, and Quit ends it', { timeout: 300_000 }, async () => {
  const env = await setup('fr');
  const { page, t } = env;
  try {
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    const title = `Cles ${randomBytes(4).toString('hex')}`;
    await writeNote(page, t, { title, text: 'Une note pour avoir une clé de document.' });
    await quit(page, t);

    // Unlock: the worker opens W from the slot, then the envelope and metadata of the list.
    await openWallet(page, t, pseudonym, passphrase);
    await walletShown(page, t);
    await page.getByRole('button', { name: new RegExp(title) }).waitFor();

    // The test's own copy of the keys, from the recovery code and the server alone.
    const secrets = await walletSecrets(env.server.url, pseudonym, code);
    assert.equal(secrets.documents.length, 1, 'one document, one key D');
    const keys = [secrets.wallet, ...secrets.documents];

    const cdp = await env.browser.context.newCDPSession(page);
    const pageSide = pageTarget(cdp);

    // The page's JS heap: every string in it. The search works (the pseudonym and the
    // title shown are there), and finds no key in text form.
    const snapshot = await heapSnapshot(pageSide.send, pageSide.on);
    assert.ok(snapshot.includes(JSON.stringify(title)), `the snapshot holds the title shown (${snapshot.length} characters searched)`);
    for (const k of keys) {
      assert.ok(!snapshot.includes(k.text), 'no key in text form in the page heap');
      assert.ok(!snapshot.includes(k.text.toLowerCase()), 'no key in lower-case text form in the page heap');
    }
    // Every ArrayBuffer and WebAssembly memory of the page: no key's bytes either.
    assert.deepEqual(await scanBuffers(pageSide.send, keys.map((k) => k.bytes)), [0, 0], 'no key bytes in any buffer of the page');

    // The positive control: the same scan in the crypto worker finds W and D.
    const workers = await (await attachWorkers(cdp)).wait(1);
    assert.equal(workers.length, 1, 'one dedicated worker: the crypto worker');
    const [inWorker] = workers;
    const counts = await scanBuffers(inWorker.send, keys.map((k) => k.bytes));
    assert.ok(counts[0] >= 1, 'W is in the worker');
    assert.ok(counts[1] >= 1, 'D is in the worker');

    // Quit ends the worker: no worker target is left, and the page still holds no key.
    await quit(page, t);
    let left = [];
    for (let i = 0; i < 50; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      left = targetInfos.filter((x) => x.type === 'worker');
      if (!left.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(left, [], 'the crypto worker is gone after Quit');
    assert.deepEqual(await scanBuffers(pageSide.send, keys.map((k) => k.bytes)), [0, 0], 'no key bytes in the page after Quit');
    assert.deepEqual(env.browser.problems, []);
  } finally {
    await env.close();
  }
});

test('a crypto worker ended during an add: a clear message, nothing stored, and the wallet opens again', { timeout: 300_000 }, async () => {
  const env = await setup('nl');
  const { page, t } = env;
  const cleanups = [];
  try {
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    const cdp = await env.browser.context.newCDPSession(page);
    const [worker] = await (await attachWorkers(cdp)).wait(1);
    assert.ok(worker, 'the crypto worker is attached');

    // A large file, so that its encryption in 1 MiB slices takes a while.
    await page.getByRole('button', { name: t('add-document') }).click();
    await page.getByRole('heading', { level: 1, exact: true, name: t('add-title') }).waitFor();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-big-'));
    const big = path.join(dir, 'groot.bin');
    writeFileSync(big, randomBytes(40 * 1024 * 1024));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await page.getByLabel(t('choose-file'), { exact: true }).setInputFiles(big);
    await page.getByLabel(t('field-title'), { exact: true }).fill('Groot bestand');
    const before = env.proxy.records.length;

    // The worker is stopped by the debugger at each request it gets; once the page shows
    // encryption under way, it is ended right there, through CDP (the way a crash would end
    // it: without a word to the page).
    await worker.send('Debugger.enable');
    let onPause = null;
    worker.on('Debugger.paused', (p) => onPause?.(p));
    const nextPause = () => new Promise((r) => (onPause = r));
    let paused = nextPause();
    await worker.send('Debugger.pause');
    await page.getByRole('button', { name: t('save'), exact: true }).click();
    for (let stops = 0; ; stops++) {
      assert.ok(stops < 200, 'the add reached its encryption');
      const { callFrames } = await paused;
      const progress = await page.evaluate(() => Number(document.querySelector('#save-progress')?.getAttribute('value') ?? 0));
      if (progress > 0) {
        // Not awaited: a worker that is gone may never answer.
        void worker.send('Debugger.evaluateOnCallFrame', { callFrameId: callFrames[0].callFrameId, expression: 'self.close()' }).catch(() => undefined);
        void worker.send('Debugger.resume').catch(() => undefined);
        break;
      }
      paused = nextPause();
      await worker.send('Debugger.resume');
      await worker.send('Debugger.pause');
    }

    // A clear, translated message on the start page; the wallet is closed.
    await page.getByRole('status').filter({ hasText: t('locked-lost') }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
    // Nothing half-uploaded: no document was even reserved.
    const sent = env.proxy.records.slice(before).filter((r) => r.url.startsWith('/api/v1/documents'));
    assert.deepEqual(sent.map((r) => `${r.method} ${r.url}`), [], 'no document request after the worker died');

    // The wallet opens again (in a new worker), and its list is empty.
    await openWallet(page, t, pseudonym, passphrase);
    await walletShown(page, t);
    await page.getByText(t('documents-none'), { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Groot bestand/ }).count(), 0);
    const problems = env.browser.problems.filter((p) => !/\b401\b/.test(p));
    assert.deepEqual(problems, []);
  } finally {
    await env.close();
    for (const f of cleanups) f();
  }
});
