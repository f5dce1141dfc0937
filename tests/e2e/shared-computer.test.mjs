// "I am on a shared computer", ticked on the start page: kept for this tab only, a wallet
// that locks itself after 3 idle minutes (warning at 2), printing only after a warning, and a
// reminder to close the browser once the wallet is closed; Ctrl+P and the browser's own print
// menu print only a note saying to use the Print button. Without it, printing is direct.
import assert from 'node:assert/strict';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { VIEWPORTS } from './lib/browser.mjs';
import { chooseLanguage, confirmSheet, createWallet, screenshotter, writeNote } from './lib/flows.mjs';
import { openApp } from './lib/app.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });

/** Counts window.print() calls instead of opening the print dialog. */
function countPrints() {
  window.__prints = 0;
  window.print = () => {
    window.__prints += 1;
  };
}

for (const { viewport, lang } of [
  { viewport: 'phone', lang: 'nl' },
  { viewport: 'terminal', lang: 'fr' },
]) {
  test(`on a shared computer: 3-minute idle lock, a warning before printing, a reminder to close the browser (${viewport}, ${lang})`, { timeout: 300_000 }, async () => {
    const env = await openApp({
      viewport: VIEWPORTS[viewport],
      lang,
      beforeGoto: async (page) => {
        await page.clock.install();
        await page.addInitScript(countPrints);
      },
    });
    const { page, t, proxy } = env;
    const a11y = [];
    const shot = checkedScreenshotter(screenshotter, page, `shared-computer-${viewport}-${lang}`, a11y);
    const plainShot = screenshotter(page, `shared-computer-${viewport}-${lang}-idle`);
    try {
      const box = page.getByRole('checkbox', { name: t('shared-computer'), exact: true });
      await box.check();
      await shot('start-shared');
      // Kept for this tab: a reload keeps it, another tab does not have it.
      await page.reload();
      await chooseLanguage(page, t, lang);
      assert.equal(await box.isChecked(), true, 'the choice holds after a reload in the same tab');
      const other = await env.browser.context.newPage();
      await other.goto(proxy.url);
      await chooseLanguage(other, t, lang);
      assert.equal(await other.getByRole('checkbox', { name: t('shared-computer'), exact: true }).isChecked(), false, 'a new tab starts without it');
      await other.close();

      // Printing the recovery sheet asks first; nothing is printed until the person agrees.
      await page.getByRole('button', { name: t('create-start') }).click();
      await page.getByRole('button', { name: t('pseudonym-generate') }).click();
      await page.getByRole('button', { name: t('next') }).click();
      await page.getByTestId('generated-passphrase').waitFor();
      await page.getByRole('button', { name: t('create-submit') }).click();
      const codeEl = page.getByTestId('recovery-code');
      await codeEl.waitFor({ timeout: 60_000 });
      const code = (await codeEl.textContent()).trim();
      await page.getByRole('button', { name: t('sheet-print') }).click();
      const ask = page.getByRole('alertdialog', { name: t('print-confirm-title') });
      await ask.getByText(t('print-confirm-text')).waitFor();
      await shot('print-warning');
      assert.equal(await page.evaluate(() => window.__prints), 0, 'nothing printed before the person agrees');
      await ask.getByRole('button', { name: t('cancel') }).click();
      await ask.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => window.__prints), 0, 'Cancel prints nothing');
      await page.getByRole('button', { name: t('sheet-print') }).click();
      await ask.getByRole('button', { name: t('print-confirm') }).click();
      assert.equal(await page.evaluate(() => window.__prints), 1, 'printed once agreed');
      // What the paper shows: the sheet when printed after the warning; once that print is
      // over, the browser's own menu or Ctrl+P prints only a note saying to use the button.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await codeEl.isVisible(), true, 'the agreed print shows the sheet');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      assert.equal(await codeEl.isVisible(), false, 'Ctrl+P prints no recovery code');
      assert.equal(await page.getByText(t('print-blocked')).isVisible(), true, 'Ctrl+P prints the note');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.getByText(t('print-blocked')).isVisible(), false, 'the note is for paper only');
      await confirmSheet(page, t, code);
      await writeNote(page, t, { title: 'Note partagée', text: 'Sur un ordinateur de la bibliothèque.' });

      // The idle lock: warning at 2 minutes, locked at 3.
      const warning = page.getByRole('alertdialog', { name: t('idle-title') });
      await page.clock.fastForward('01:50');
      assert.equal(await warning.isVisible(), false, 'no warning before 2 minutes');
      await page.clock.fastForward('00:15');
      await warning.waitFor();
      // A plain picture: the accessibility check walks the page with Tab, which is activity.
      await plainShot('idle-warning');
      await page.clock.fastForward('01:00');
      await h1(page, t('start-title')).waitFor();
      await page.getByRole('status').filter({ hasText: t('locked-idle-shared') }).waitFor();
      await page.getByTestId('close-browser').filter({ hasText: t('shared-close-browser') }).waitFor();
      await shot('locked');
      assert.equal(await page.getByText('Note partagée').count(), 0, 'nothing decrypted stays on the page');
      assert.deepEqual(a11y, [], 'no accessibility problem');
    } finally {
      await env.close();
    }
  });
}

test('as anybody: printing is direct, and the wallet stays open past 3 idle minutes', { timeout: 300_000 }, async () => {
  const env = await openApp({
    viewport: VIEWPORTS.terminal,
    lang: 'fr',
    beforeGoto: async (page) => {
      await page.clock.install();
      await page.addInitScript(countPrints);
    },
  });
  const { page, t } = env;
  try {
    assert.equal(await page.getByRole('checkbox', { name: t('shared-computer'), exact: true }).isChecked(), false);
    const { code } = await createWallet(page, t);
    await page.getByRole('button', { name: t('sheet-print') }).click();
    assert.equal(await page.evaluate(() => window.__prints), 1, 'printed at once');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('recovery-code').isVisible(), true, 'the browser menu prints the sheet too');
    assert.equal(await page.getByText(t('print-blocked')).isVisible(), false, 'and no note');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.getByRole('alertdialog', { name: t('print-confirm-title') }).count(), 0, 'no warning');
    await confirmSheet(page, t, code);
    await page.clock.fastForward('03:30');
    assert.ok(await h1(page, t('wallet-title')).isVisible(), 'still open after 3.5 minutes');
    assert.equal(await page.getByRole('alertdialog', { name: t('idle-title') }).isVisible(), false, 'no warning yet');
    await page.getByRole('button', { name: t('quit') }).click();
    await h1(page, t('start-title')).waitFor();
    assert.equal(await page.getByTestId('close-browser').count(), 0, 'no reminder to close the browser');
  } finally {
    await env.close();
  }
});
