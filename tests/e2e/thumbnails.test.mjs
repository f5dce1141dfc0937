// Thumbnails in the list, beyond the journeys: a rename keeps a photo's thumbnail, and a
// photo the browser cannot read is stored as it is, without one, shown with its category
// icon, and the add screen says so before it is saved.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { makePhoto } from './lib/fixtures.mjs';
import {
  addFile, chooseLanguage, closeDocument, confirmSheet, createWallet, listThumbnail, openDocument, openWallet, quit, screenshotter,
} from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startProxy } from './lib/proxy.mjs';
import { startServer } from './lib/server.mjs';

for (const lang of ['fr', 'nl']) {
  test(`a rename keeps the thumbnail; a photo the browser cannot read gets the category icon and a note, ${lang}`, { timeout: 300_000 }, async () => {
    const t = messages(lang);
    const server = await startServer();
    const proxy = await startProxy(server.url);
    const browser = await launch(VIEWPORTS.phone);
    const { page, context } = browser;
    page.setDefaultTimeout(30_000);
    const a11y = [];
    const shot = checkedScreenshotter(screenshotter, page, `thumbnails-${lang}`, a11y);
    try {
      await page.goto(proxy.url);
      await chooseLanguage(page, t, lang);
      const { pseudonym, passphrase, code } = await createWallet(page, t);
      await confirmSheet(page, t, code);
      const marker = randomBytes(4).toString('hex');
      const photo = await makePhoto(context, marker, { width: 900, height: 1200 });
      // A file that says it is a JPEG but is not one a browser can decode (a cut transfer).
      const broken = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(4000)]);

      // A readable photo: no note on the add screen, a thumbnail in the list (portrait kept).
      await page.getByRole('button', { name: t('add-document') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: t('add-title') }).waitFor();
      await page.getByLabel(t('choose-file'), { exact: true }).setInputFiles({ name: 'lisible.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByLabel(t('field-title'), { exact: true }).fill(`Lisible ${marker}`);
      // The thumbnail is made as soon as a photo is chosen: an unreadable one is said at once.
      await page.getByLabel(t('choose-file'), { exact: true }).setInputFiles({ name: 'abime.jpg', mimeType: 'image/jpeg', buffer: broken });
      const note = page.getByTestId('no-thumb').filter({ hasText: t('thumb-none') });
      await note.waitFor();
      await shot('add-unreadable');
      await page.getByLabel(t('choose-file'), { exact: true }).setInputFiles({ name: 'lisible.jpg', mimeType: 'image/jpeg', buffer: photo });
      await note.waitFor({ state: 'detached' });
      assert.equal((await page.getByTestId('no-thumb').textContent()).trim(), '', 'no note for a photo the browser reads');
      await page.getByRole('button', { name: t('cancel'), exact: true }).click();

      const readable = `Lisible ${marker}`;
      await addFile(page, t, { via: 'choose-file', file: { name: 'lisible.jpg', mimeType: 'image/jpeg', buffer: photo }, title: readable, category: 'health' });
      const thumb = await listThumbnail(page, readable);
      assert.ok(thumb, 'a readable photo gets a thumbnail');
      assert.deepEqual([thumb.width, thumb.height], [120, 160], 'a portrait photo keeps its aspect');

      // The unreadable one is stored as it is and listed with its category's icon.
      const unreadable = `Abimee ${marker}`;
      await addFile(page, t, { via: 'choose-file', file: { name: 'abime.jpg', mimeType: 'image/jpeg', buffer: broken }, title: unreadable, category: 'housing' });
      assert.equal(await listThumbnail(page, unreadable), null, 'no thumbnail for a photo the browser cannot read');
      const item = page.locator('ul.docs > li').filter({ hasText: unreadable });
      assert.equal(await item.locator('svg.icon').count(), 1, 'its category icon is shown instead');
      await shot('list');

      // Renaming the photo rewrites its metadata: the thumbnail stays, the very same bytes.
      await openDocument(page, t, readable);
      // (Once the photo is shown: it moves the buttons below it down when it appears.)
      await page.waitForFunction(() => document.querySelector('[data-testid="doc-image"]')?.naturalWidth > 0);
      await page.getByRole('button', { name: t('edit'), exact: true }).click();
      const renamed = `Renommee ${marker}`;
      await page.getByLabel(t('field-title'), { exact: true }).fill(renamed);
      await page.getByRole('button', { name: t('save-changes') }).click();
      await page.getByRole('heading', { level: 1, exact: true, name: renamed }).waitFor();
      await closeDocument(page, t);
      assert.equal((await listThumbnail(page, renamed))?.b64, thumb.b64, 'the renamed photo keeps its thumbnail');
      // And so does the server's copy: quit, open the wallet again.
      assert.equal(proxy.records.filter((r) => r.method === 'PUT' && /\/metadata$/.test(r.url)).length, 1, 'the rename sent new metadata');
      await quit(page, t);
      await openWallet(page, t, pseudonym, passphrase);
      await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 60_000 });
      assert.equal((await listThumbnail(page, renamed))?.b64, thumb.b64, 'after reopening, the renamed photo still has its thumbnail');
      assert.equal(await listThumbnail(page, unreadable), null);

      assert.deepEqual(browser.problems.filter((p) => p.startsWith('pageerror')), [], 'no script errors');
      assert.deepEqual(a11y, [], 'no accessibility problem on any screen');
    } catch (e) {
      await shot('failure').catch(() => undefined);
      throw new Error(`${e.message}\n--- browser ---\n${browser.problems.join('\n')}\n--- server ---\n${server.stderr()}`, { cause: e });
    } finally {
      await browser.close();
      await proxy.stop();
      await server.stop();
      server.cleanup();
    }
  });
}
