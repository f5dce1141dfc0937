// Quick exit: Escape pressed three times (or the header's button) closes the wallet at once:
// the crypto worker and the keys in it are gone, the page is replaced by a blank one, and
// the browser's Back brings back nothing of the wallet (a fresh start page, not the page as it
// was from the back-forward cache). On a phone in French, at a terminal in Dutch.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { VIEWPORTS } from './lib/browser.mjs';
import { attachWorkers } from './lib/cdp.mjs';
import { chooseLanguage, confirmSheet, createWallet, focused, screenshotter, writeNote } from './lib/flows.mjs';
import { openApp } from './lib/app.mjs';
import { scanBuffers, walletSecrets } from './lib/secrets.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });

/** The dedicated workers alive in the browser, from CDP's list of targets. */
async function workerTargets(cdp) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((x) => x.type === 'worker');
}

async function eventually(ok, what) {
  for (let i = 0; i < 100; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(what);
}

/** How many times `bytes` occur in one WebAssembly.Memory, named by its remote object id. */
async function countIn(send, memoryId, bytes) {
  const r = await send('Runtime.callFunctionOn', {
    objectId: memoryId,
    returnByValue: true,
    arguments: [{ value: [...bytes] }],
    functionDeclaration: `function (pat) {
      const b = new Uint8Array(this.buffer);
      let n = 0;
      for (let i = b.indexOf(pat[0]); i >= 0 && i + pat.length <= b.length; i = b.indexOf(pat[0], i + 1)) {
        let k = 1;
        while (k < pat.length && b[i + k] === pat[k]) k++;
        if (k === pat.length) n++;
      }
      return n;
    }`,
  });
  if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
  return r.result.value;
}

for (const { viewport, lang } of [
  { viewport: 'phone', lang: 'fr' },
  { viewport: 'terminal', lang: 'nl' },
]) {
  test(`quick exit by Escape three times: keys gone, blank page, Back shows nothing (${viewport}, ${lang})`, { timeout: 300_000 }, async () => {
    // Playwright turns Chromium's back-forward cache off by default; a person's browser has it on.
    const env = await openApp({ viewport: VIEWPORTS[viewport], lang, launchOptions: { ignoreDefaultArgs: ['--disable-back-forward-cache'] } });
    const { page, t } = env;
    const a11y = [];
    const shot = checkedScreenshotter(screenshotter, page, `quick-exit-${viewport}-${lang}`, a11y);
    try {
      // The button is there, named, on the start page already.
      const exitButton = page.locator('header').getByRole('button', { name: t('quick-exit'), exact: true });
      await exitButton.waitFor();
      assert.equal(await exitButton.getAttribute('aria-describedby'), 'quick-exit-help');
      assert.equal((await page.locator('#quick-exit-help').textContent()).trim(), t('quick-exit-help'), 'its description tells of Escape');
      await shot('start');

      const { pseudonym, code } = await createWallet(page, t);
      await confirmSheet(page, t, code);
      const title = `Sortie ${randomBytes(4).toString('hex')}`;
      const text = `Texte ${randomBytes(6).toString('hex')} de la note.`;
      await writeNote(page, t, { title, text });
      await page.getByRole('button', { name: new RegExp(title) }).waitFor();
      await shot('wallet');
      // Reached with the keyboard: the header's last control, after Quit, just before the screen.
      await h1(page, t('wallet-title')).focus();
      await page.keyboard.press('Shift+Tab');
      const f = await focused(page);
      assert.equal(f.name, t('quick-exit'));
      assert.notEqual(f.outline, 'none', 'its focus is visible');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).name, t('quit'), 'Quit comes before it');

      // The wallet's key W, from the recovery code alone, and the crypto worker that holds it.
      const secrets = await walletSecrets(env.server.url, pseudonym, code);
      const cdp = await env.browser.context.newCDPSession(page);
      const [worker] = await (await attachWorkers(cdp)).wait(1);
      assert.ok(worker, 'the crypto worker is attached');
      const proto = await worker.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
      const { objects } = await worker.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
      const first = await worker.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this[0]; }' });
      const memoryId = first.result.objectId;
      assert.ok(memoryId, 'the crypto module\'s memory is found in the worker');
      assert.ok((await countIn(worker.send, memoryId, secrets.wallet.bytes)) >= 1, 'before: W is in the worker\'s memory, reachable through this handle');
      const workerId = worker.targetId;
      // A mark on this document: a page restored from the back-forward cache would still have it.
      await page.evaluate(() => {
        window.__beforeExit = true;
      });

      // One Escape alone changes nothing.
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1600);
      assert.ok(await h1(page, t('wallet-title')).isVisible(), 'a single Escape leaves the wallet open');

      // Three in a row: the blank page.
      const logouts = () => env.proxy.records.filter((r) => r.url === '/api/v1/auth/logout' && r.status === 204).length;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForURL('about:blank');
      assert.equal(await page.evaluate(() => document.body?.textContent ?? ''), '', 'the page is blank');
      assert.equal(await page.title(), '');
      await eventually(async () => !(await workerTargets(cdp)).some((w) => w.targetId === workerId), 'the crypto worker is gone');
      await assert.rejects(countIn(worker.send, memoryId, secrets.wallet.bytes), 'the handle to the worker\'s memory no longer works');
      await eventually(async () => logouts() === 1, 'the server session was ended');

      // Back: a fresh load of the start page; nothing of the wallet.
      await page.evaluate(() => history.back());
      await page.waitForURL((u) => u.protocol.startsWith('http'));
      await chooseLanguage(page, t, lang);
      await h1(page, t('start-title')).waitFor();
      assert.equal(await page.evaluate(() => window.__beforeExit), undefined, 'a new document, not the old one from the back-forward cache');
      const html = await page.content();
      for (const s of [title, text, pseudonym]) assert.ok(!html.includes(s), `"${s}" is not in the page after Back`);
      assert.equal(await page.locator('ul.docs').count(), 0, 'no document list');
      assert.equal(await page.getByRole('button', { name: t('quit') }).count(), 0, 'nothing is open');
      assert.ok(!(await workerTargets(cdp)).some((w) => w.targetId === workerId), 'the old crypto worker did not come back');
      // The start page's own spare worker (started for the next person) holds no key.
      const fresh = (await (await attachWorkers(cdp)).wait(1)).filter((w) => w.targetId !== workerId);
      for (const w of fresh) assert.deepEqual(await scanBuffers(w.send, [secrets.wallet.bytes]), [0], 'a new worker holds no W');
      // Forward does not bring the wallet back either.
      await page.goForward();
      await page.waitForLoadState();
      const forward = await page.content();
      assert.ok(!forward.includes(title) && !forward.includes(pseudonym), `nothing of the wallet after Forward (${page.url()})`);

      // The button does the same, and is harmless on the start page.
      await page.goto(env.proxy.url);
      await chooseLanguage(page, t, lang);
      await exitButton.click();
      await page.waitForURL('about:blank');
      assert.deepEqual(a11y, [], 'no accessibility problem');
      assert.deepEqual(env.browser.problems.filter((p) => !/\b401\b/.test(p)), []);
    } finally {
      await env.close();
    }
  });
}
