import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './paths.mjs';

/** Screenshots into target/e2e-screenshots/<name>/NN-step.png. */
export function screenshotter(page, name) {
  const dir = path.join(SCREENSHOT_DIR, name);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (step) => {
    n += 1;
    // full page, seen from the top (a sticky header would otherwise sit mid-picture)
    const y = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`), fullPage: true });
    await page.evaluate((top) => window.scrollTo(0, top), y);
  };
}

/**
 * Chooses a language as a person does: opens the picker in the header (the button with the
 * globe, showing the language in use), then presses the language, named in itself. Checks
 * that the page then says which language and direction it is in.
 */
export async function chooseLanguage(page, t, lang) {
  await page.locator('header #lang-picker').click();
  // The picker says it is open (the list is shown), then closes once a language is chosen.
  await page.locator('header #lang-picker[aria-expanded="true"]').waitFor();
  await page.locator('#lang-menu').getByRole('button', { name: t(`lang-${lang}`), exact: true }).click();
  await page.locator(`html[lang="${lang}"][dir="${lang === 'ar' ? 'rtl' : 'ltr'}"]`).waitFor();
  await page.locator('#lang-menu').waitFor({ state: 'hidden' });
  await page.locator('header #lang-picker[aria-expanded="false"]').waitFor();
}

/** The generated passphrase shown, once its 5 words are there. */
export async function generatedPassphrase(page) {
  await page.waitForFunction(() => (document.querySelector('[data-testid="generated-passphrase"]')?.textContent ?? '').trim().split(/\s+/).length === 5);
  return (await page.getByTestId('generated-passphrase').textContent()).trim().split(/\s+/).join(' ');
}

/**
 * Creates a wallet with a generated pseudonym and a generated passphrase. With
 * `switchTo: { lang, t }`, switches to that language once the words are shown and checks
 * that they stay (and that the page says words in the new language are one press away),
 * then switches back.
 */
export async function createWallet(page, t, shot = async () => {}, { switchTo } = {}) {
  await page.getByRole('button', { name: t('create-start') }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: t('create-title') }).waitFor();
  await page.getByRole('button', { name: t('pseudonym-generate') }).click();
  const pseudonym = await page.getByLabel(t('field-pseudonym'), { exact: true }).inputValue();
  await shot('pseudonym');
  await page.getByRole('button', { name: t('next') }).click();

  const words = page.getByTestId('generated-passphrase');
  const first = await generatedPassphrase(page);
  if (switchTo) {
    const lang = await page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(page, switchTo.t, switchTo.lang);
    await page.getByTestId('words-language').filter({ hasText: switchTo.t('pass-words-kept') }).waitFor();
    assert.equal(await generatedPassphrase(page), first, 'a language switch keeps the generated words');
    await shot('passphrase-other-language');
    await chooseLanguage(page, t, lang);
    assert.equal(await generatedPassphrase(page), first, 'switching back keeps them too');
    assert.equal(await page.getByTestId('words-language').count(), 0, 'the words are in the language shown again');
  }
  await page.getByRole('button', { name: t('pass-show-another') }).click();
  await page.waitForFunction((old) => document.querySelector('[data-testid="generated-passphrase"]').textContent.trim() !== old, first);
  const passphrase = (await words.textContent()).trim().split(/\s+/).join(' ');
  await shot('passphrase');
  await page.getByRole('button', { name: t('create-submit') }).click();

  const codeEl = page.getByTestId('recovery-code');
  await codeEl.waitFor({ timeout: 60_000 });
  const code = (await codeEl.textContent()).trim();
  return { pseudonym, passphrase, code };
}

export async function confirmSheet(page, t, code) {
  await page.getByRole('button', { name: t('sheet-kept') }).click();
  const group = code.split('-')[2];
  await page.getByLabel(t('confirm-label', { n: 3 }), { exact: true }).fill(group.toLowerCase());
  await page.getByRole('button', { name: t('confirm-submit') }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor({ timeout: 30_000 });
}

/** Opens a social worker's account from the start page, through its own way in. */
export async function openWorkerAccount(page, t, login, passphrase) {
  await page.getByRole('button', { name: t('start-worker-switch'), exact: true }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: t('start-worker-title') }).waitFor();
  await page.getByLabel(t('field-login-name'), { exact: true }).fill(login);
  await page.getByLabel(t('field-passphrase'), { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: t('open-submit'), exact: true }).click();
}

/**
 * Where an element is on the screen: whether all of it is inside the viewport and below the
 * sticky header, and whether it has the focus.
 */
export async function placement(locator) {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const header = document.querySelector('header.top')?.getBoundingClientRect().bottom ?? 0;
    return {
      visible: r.top >= header - 1 && r.bottom <= window.innerHeight + 1 && r.height > 0,
      focused: document.activeElement === e,
    };
  });
}

export async function openWallet(page, t, pseudonym, passphrase) {
  await page.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
  await page.getByLabel(t('field-passphrase'), { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: t('open-submit'), exact: true }).click();
}

export async function addFile(page, t, { via, file, title, category, date, note, shot }) {
  await page.getByRole('button', { name: t('add-document') }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: t('add-title') }).waitFor();
  await page.getByLabel(t(via), { exact: true }).setInputFiles(file);
  await page.getByLabel(t('field-title'), { exact: true }).fill(title);
  await page.getByRole('radio', { name: t(`category-${category}`) }).check();
  if (date) await page.getByLabel(t('field-date'), { exact: true }).fill(date);
  if (note) await page.getByLabel(t('field-note'), { exact: true }).fill(note);
  if (shot) await shot('add-form');
  await page.getByRole('button', { name: t('save'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: title }).waitFor({ timeout: 120_000 });
}

export async function writeNote(page, t, { title, text, shot }) {
  await page.getByRole('button', { name: t('write-note') }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: t('note-title') }).waitFor();
  await page.getByLabel(t('field-title'), { exact: true }).fill(title);
  await page.getByLabel(t('field-text'), { exact: true }).fill(text);
  if (shot) await shot('note-form');
  await page.getByRole('button', { name: t('save'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: title }).waitFor({ timeout: 60_000 });
}

export async function quit(page, t) {
  await page.getByRole('button', { name: t('quit') }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
}

/** Opens a document from the list by its title and returns when its view is shown. */
export async function openDocument(page, t, title) {
  await page.getByRole('button', { name: new RegExp(escapeRe(title)) }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: title }).waitFor();
}

/**
 * Scrolls to an element, lets the page settle, then clicks, as a person does. Right after
 * a scroll, Chromium may still route a synthetic click to the PDF viewer's out-of-process
 * frame (its hit-test data lags), and the click is lost.
 */
export async function settledClick(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await locator.click();
}

export async function closeDocument(page, t) {
  await settledClick(page, page.getByRole('button', { name: t('close'), exact: true }));
  await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-title') }).waitFor();
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The decrypted bytes of the open document, as the person gets them with the Download
 * button (the page's CSP, connect-src 'self', forbids fetch() of blob: URLs, even from tests).
 */
export async function downloadBytes(page, t) {
  const download = await confirmedDownload(page, t, page.getByRole('button', { name: t('download'), exact: true }));
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  await download.delete();
  return { bytes: Buffer.concat(chunks), name: download.suggestedFilename(), url: download.url() };
}

/**
 * Clicks a Download button, checks that the page first says that this computer keeps a copy in
 * the browser's downloads folder (nothing is saved before the person agrees), confirms, and
 * returns the download.
 */
export async function confirmedDownload(page, t, button, shot = async () => {}) {
  let saved = false;
  const early = () => {
    saved = true;
  };
  page.on('download', early);
  await settledClick(page, button);
  const dialog = page.getByRole('alertdialog', { name: t('download-confirm-title') });
  await dialog.waitFor();
  const said = await dialog.textContent();
  assert.ok(said.includes(t('download-confirm-shared')), 'the warning says that others can open the copy');
  assert.match(said, new RegExp(escapeRe(t('download-confirm-text', { name: '@@' })).replace('@@', '.+')), 'the warning says where the copy stays');
  await shot('download-confirm');
  page.off('download', early);
  assert.equal(saved, false, 'nothing is saved before the person confirms');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: t('download-confirm') }).click()]);
  await dialog.waitFor({ state: 'hidden' });
  return download;
}

/** Whether an image can still be loaded from this object URL (false once it is revoked). */
export async function imageLoads(page, url) {
  return page.evaluate(
    (u) =>
      new Promise((resolve) => {
        const i = new Image();
        i.onload = () => resolve(true);
        i.onerror = () => resolve(false);
        i.src = u;
      }),
    url,
  );
}

/**
 * The thumbnail shown in the list for the document titled `title`, once it is decoded: its
 * bytes (read from the data: URL the page made of its decrypted metadata, so exactly what
 * the browser made and decrypted), its pixel size and text alternative. Null when the item shows its category
 * icon instead.
 */
export async function listThumbnail(page, title) {
  const item = page.locator('ul.docs > li').filter({ has: page.getByRole('button', { name: new RegExp(escapeRe(title)) }) });
  await item.waitFor();
  const img = item.locator('img[data-testid="doc-thumb"]');
  if ((await img.count()) === 0) return null;
  await page.waitForFunction((i) => i.complete && i.naturalWidth > 0, await img.elementHandle());
  const got = await img.evaluate((i) => ({ url: i.src, alt: i.getAttribute('alt'), width: i.naturalWidth, height: i.naturalHeight }));
  const data = /^data:image\/(webp|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(got.url);
  if (!data) throw new Error(`a thumbnail is a data: URL of a WebP or JPEG image, not ${got.url.slice(0, 40)}`);
  const bytes = Buffer.from(data[2], 'base64');
  return { ...got, mime: `image/${data[1]}`, bytes, b64: data[2] };
}

/** What the browser keeps for this origin: storage, databases, cookies. */
export async function leftovers(page, context) {
  const inPage = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    documentCookie: document.cookie,
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    caches: 'caches' in self ? (await caches.keys()).length : 0,
  }));
  return { ...inPage, cookies: (await context.cookies()).length };
}

/** The focused element's name (aria-label, its label, or its text) and whether its focus ring shows. */
export function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { name: '', outline: 'none' };
    const label = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : null;
    const style = getComputedStyle(e.closest('label.file-button, label.cat-option') ?? e);
    return {
      name: (e.getAttribute('aria-label') ?? label ?? e.closest('label')?.textContent ?? e.textContent ?? '').trim(),
      outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : style.outlineStyle,
    };
  });
}

/** Presses Tab until the element named `name` (a string, or a RegExp) has the focus, which must be visible. */
export async function tabTo(page, name, { max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (typeof name === 'string' ? f.name === name : name.test(f.name)) {
      assert.notEqual(f.outline, 'none', `focus on "${name}" is visible`);
      return;
    }
  }
  throw new Error(`Tab never reached "${name}"`);
}

/**
 * A worker joins through an invitation link (generated passphrase, recovery sheet confirmed)
 * and opens their card; returns their passphrase, recovery code and card code.
 */
export async function joinAsWorker(page, t, { url, lang, realName, login, shot = async () => {} }) {
  const h1 = (name) => page.getByRole('heading', { level: 1, exact: true, name });
  await page.goto(url);
  assert.equal(new URL(page.url()).hash, '', 'the invitation token is taken out of the address bar');
  await chooseLanguage(page, t, lang);
  await h1(t('join-title')).waitFor();
  await page.getByLabel(t('field-real-name'), { exact: true }).fill(realName);
  await page.getByLabel(t('field-login-name'), { exact: true }).fill(login);
  await shot('join');
  await page.getByRole('button', { name: t('next'), exact: true }).click();
  const passphrase = await generatedPassphrase(page);
  await page.getByRole('button', { name: t('join-submit') }).click();
  const code = (await page.getByTestId('recovery-code').textContent({ timeout: 60_000 })).trim();
  await page.getByRole('button', { name: t('sheet-kept') }).click();
  await page.getByLabel(t('confirm-label', { n: 3 }), { exact: true }).fill(code.split('-')[2]);
  await page.getByRole('button', { name: t('confirm-submit') }).click();
  await h1(t('worker-title')).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: t('worker-card-open') }).click();
  await h1(t('card-title')).waitFor();
  assert.equal((await page.getByTestId('card-name').textContent()).trim(), realName);
  await page.getByRole('img', { name: t('card-qr-label') }).waitFor({ timeout: 10_000 });
  const cardCode = (await page.getByTestId('worker-code').textContent()).trim();
  assert.match(cardCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]$/);
  await shot('worker-card');
  await page.getByRole('button', { name: t('back-to-list') }).click();
  await h1(t('worker-title')).waitFor();
  return { passphrase, recoveryCode: code, cardCode };
}

/** The invitation token in what `pde-server admin worker invite` printed. */
export function invitationToken(printed) {
  const token = /^link: \S+\/join#([0-9a-f]{32})$/m.exec(printed)?.[1];
  assert.ok(token, `the invitation prints a link:\n${printed}`);
  return token;
}
