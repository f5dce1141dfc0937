// Every language at phone and terminal size: the screens one reaches without an account
// pass the WCAG 2.2 AA checks (axe, target size, focus, reflow), the language picker works by
// keyboard and names each language in itself, Arabic turns the page right to left, and
// "Listen" reads a screen's instructions aloud only where the device has a voice for them.
import assert from 'node:assert/strict';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { chooseLanguage, screenshotter } from './lib/flows.mjs';
import { LANGS, messages } from './lib/i18n.mjs';
import { startServer } from './lib/server.mjs';

/** Names of the languages in themselves, as a person looks for them. */
const OWN_NAMES = { fr: 'Français', nl: 'Nederlands', en: 'English', ar: 'العربية' };

/** Where the header's brand and language picker sit (left to right: brand first, on the left). */
function headerSides(page) {
  return page.evaluate(() => {
    const brand = document.querySelector('header .brand').getBoundingClientRect();
    const picker = document.querySelector('header #lang-picker').getBoundingClientRect();
    return { dir: document.documentElement.dir, brandFirst: brand.left < picker.left ? 'left' : 'right' };
  });
}

for (const viewportName of ['phone', 'terminal']) {
  test(`every language at ${viewportName} size: screens without an account, the picker, direction`, { timeout: 600_000 }, async () => {
    const server = await startServer();
    const browser = await launch(VIEWPORTS[viewportName]);
    const { page } = browser;
    page.setDefaultTimeout(30_000);
    const a11y = [];
    try {
      for (const lang of LANGS) {
        const t = messages(lang);
        const shot = checkedScreenshotter(screenshotter, page, `languages-${viewportName}-${lang}`, a11y);
        const h1 = (name) => page.getByRole('heading', { level: 1, exact: true, name });
        await page.goto(server.url);
        await chooseLanguage(page, t, lang);
        await h1(t('start-title')).waitFor();
        assert.deepEqual(await headerSides(page), lang === 'ar' ? { dir: 'rtl', brandFirst: 'right' } : { dir: 'ltr', brandFirst: 'left' }, `${lang}: the header reads in the language's direction`);
        await shot('start');

        // The picker by keyboard: it says it is closed, opens with Enter, lists every language
        // named in itself (with its own lang), and Escape closes it with the focus back on it.
        const picker = page.locator('#lang-picker');
        assert.equal(await picker.getAttribute('aria-expanded'), 'false');
        assert.ok((await picker.textContent()).includes(OWN_NAMES[lang]), 'the picker shows the language in use, named in itself');
        await picker.focus();
        await page.keyboard.press('Enter');
        const menu = page.locator('#lang-menu');
        await menu.waitFor();
        for (const l of LANGS) {
          const option = menu.getByRole('button', { name: OWN_NAMES[l], exact: true });
          assert.equal(await option.getAttribute('lang'), l);
          assert.equal(await option.getAttribute('aria-current'), l === lang ? 'true' : null);
        }
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('lang')), LANGS[0], 'Tab goes into the list');
        // (The checks walk the page with Tab: the list closes once the focus leaves it.)
        await shot('languages-open');
        await picker.focus();
        if ((await picker.getAttribute('aria-expanded')) === 'false') await page.keyboard.press('Enter');
        await menu.waitFor();
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-picker', 'Escape puts the focus back on the picker');

        await page.getByRole('button', { name: t('create-start') }).click();
        await h1(t('create-title')).waitFor();
        await shot('create');
        await page.goBack();
        await page.getByRole('button', { name: t('recover-start') }).click();
        await h1(t('recover-title')).waitFor();
        await shot('recover');
        await page.goBack();
        await page.getByRole('button', { name: t('start-worker-switch'), exact: true }).click();
        await h1(t('start-worker-title')).waitFor();
        await shot('worker-start');

        // A share link without its secret part, and an invitation without its token: the
        // picker is there too (a new page load starts again in the browser's language).
        await page.goto(`${server.url}/s/${'0'.repeat(32)}`);
        await chooseLanguage(page, t, lang);
        await h1(t('link-bad-title')).waitFor();
        await shot('link-bad');
        await page.goto(`${server.url}/join`);
        await chooseLanguage(page, t, lang);
        await h1(t('join-invalid-title')).waitFor();
        await shot('join-invalid');
      }
      assert.deepEqual(a11y, [], 'no accessibility problem on any screen, in any language');
      assert.deepEqual(browser.problems.filter((p) => p.startsWith('pageerror')), [], 'no script errors');
    } catch (e) {
      throw new Error(`${e.message}\n--- browser ---\n${browser.problems.join('\n')}\n--- server ---\n${server.stderr()}`, { cause: e });
    } finally {
      await browser.close();
      await server.stop();
      server.cleanup();
    }
  });
}

test('"Listen" shows only where the device has a voice, and reads the instructions in the page\'s language', { timeout: 300_000 }, async () => {
  const server = await startServer();
  const browser = await launch(VIEWPORTS.phone);
  const { page, context } = browser;
  page.setDefaultTimeout(30_000);
  // The device's speech synthesis, as the page sees it: no voice at first, then (when the test
  // says so, as Chromium does once its voices are loaded) one Dutch voice, announced with
  // `voiceschanged`; what the page asks to be spoken is recorded instead of being said.
  await context.addInitScript(() => {
    const voices = [];
    const synth = window.speechSynthesis;
    window.__spoken = [];
    synth.getVoices = () => voices.slice();
    synth.speak = (u) => window.__spoken.push({ lang: u.lang, text: u.text });
    synth.cancel = () => undefined;
    window.__addDutchVoice = () => {
      voices.push({ name: 'Nederlands (België)', lang: 'nl-BE', voiceURI: 'test-nl-BE', localService: true, default: true });
      synth.dispatchEvent(new Event('voiceschanged'));
    };
  });
  const nl = messages('nl');
  const fr = messages('fr');
  const plain = (s) => s.replace(/[\u2068\u2069]/g, '');
  try {
    await page.goto(server.url);
    await chooseLanguage(page, nl, 'nl');
    await page.getByRole('heading', { level: 1, exact: true, name: nl('start-title') }).waitFor();
    const listenNl = page.getByRole('button', { name: nl('listen'), exact: true });
    assert.equal(await listenNl.count(), 0, 'no voice on the device: no Listen button');

    await page.evaluate(() => window.__addDutchVoice());
    await listenNl.waitFor();
    await listenNl.click();
    const spoken = await page.evaluate(() => window.__spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, 'nl', 'spoken in the page\'s language');
    assert.ok(spoken[0].text.includes(nl('start-title')) && spoken[0].text.includes(nl('start-lead')), `the start page's instructions are read: ${spoken[0].text}`);
    await page.getByRole('button', { name: nl('listen-stop'), exact: true }).waitFor();

    // In French, for which the device has no voice, there is no button.
    await chooseLanguage(page, fr, 'fr');
    await page.getByRole('heading', { level: 1, exact: true, name: fr('start-title') }).waitFor();
    assert.equal(await page.getByRole('button', { name: fr('listen'), exact: true }).count(), 0, 'no French voice: no Listen button');
    assert.equal(await page.locator('button.listen').count(), 0);

    // Back in Dutch, the sign-up's first step reads its own instructions.
    await chooseLanguage(page, nl, 'nl');
    await page.getByRole('button', { name: nl('create-start') }).click();
    await page.getByRole('heading', { level: 1, exact: true, name: nl('create-title') }).waitFor();
    await page.getByRole('button', { name: nl('listen'), exact: true }).click();
    const second = (await page.evaluate(() => window.__spoken))[1];
    assert.equal(second.lang, 'nl');
    assert.ok(second.text.includes(plain(nl('pseudonym-help'))), `the sign-up step's instructions are read: ${second.text}`);
    assert.ok(!/[\u2068\u2069]/.test(second.text), 'no isolation marks are given to the voice');
  } catch (e) {
    throw new Error(`${e.message}\n--- browser ---\n${browser.problems.join('\n')}\n--- server ---\n${server.stderr()}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup();
  }
});
