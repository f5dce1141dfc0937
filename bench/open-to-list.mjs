// Time from a click on "Open" to the document list showing 200 documents, in headless
// Chromium with the CPU slowed down 4x (CDP Emulation.setCPUThrottlingRate).
// Usage: node open-to-list.mjs <server url>. Prints open_to_list_ms=<ms>, or pending=<why>
// when the web app does not have the screens this needs yet.
import { launchChromium, loadBindings, signUp, api, b64, metadata, putContent } from './common.mjs';

const DOCUMENTS = 200;
const THROTTLE = 4;
const CATEGORIES = ['identity', 'social_aid', 'health', 'housing', 'income', 'work', 'children', 'my_story', 'contacts', 'other'];
// The web app's labels and structure (client-wasm/web/src/start.tsx, wallet.tsx).
const PSEUDONYM_INPUT = '#open-pseudonym';
const PASSPHRASE_INPUT = '#open-passphrase';
const OPEN_BUTTON = 'form:has(#open-pseudonym) button[type=submit]';
const LIST_ITEMS = 'ul.docs > li';

const base = process.argv[2];
if (!base) {
  console.error('usage: node open-to-list.mjs <server url>');
  process.exit(2);
}

// A holder with 200 small documents, made through the API with the real bindings.
const pde = await loadBindings();
const pseudonym = `bench-open-${Date.now().toString(36)}`;
const passphrase = 'bench open list words here';
const account = await signUp(pde, base, pseudonym, passphrase);
const content = new Uint8Array(2000).fill(42);
for (let i = 0; i < DOCUMENTS; i++) {
  const writer = account.wallet.newDocument(
    metadata(`Document ${i + 1}`, content.length, CATEGORIES[i % CATEGORIES.length]),
  );
  const first = writer.push(content);
  const rest = writer.finish();
  const ciphertext = Buffer.concat([first, rest]);
  const res = await api(
    base,
    'POST',
    '/api/v1/documents',
    { size: ciphertext.length, metadata: b64(writer.metadata()), envelope: b64(writer.envelope()) },
    account.session,
  );
  await putContent(base, res.body.id, ciphertext, account.session);
}
account.wallet.lock();
console.log(`seeded ${DOCUMENTS} documents for ${pseudonym}`);

const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(base);
  try {
    await page.waitForSelector(PSEUDONYM_INPUT, { timeout: 20_000 });
    await page.waitForSelector(OPEN_BUTTON, { timeout: 1_000 });
  } catch {
    console.log('pending=the web app has no open form yet (#open-pseudonym, #open-passphrase, Open button)');
    process.exit(0);
  }
  await page.fill(PSEUDONYM_INPUT, pseudonym);
  await page.fill(PASSPHRASE_INPUT, passphrase);
  // Page-side clock: the click and the moment the list holds every document.
  await page.evaluate(
    ({ items, want, button }) => {
      window.__bench = {};
      document.querySelector(button).addEventListener(
        'click',
        () => (window.__bench.click = performance.now()),
        { capture: true, once: true },
      );
      new MutationObserver((_, obs) => {
        if (document.querySelectorAll(items).length >= want) {
          window.__bench.list = performance.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    },
    { items: LIST_ITEMS, want: DOCUMENTS, button: OPEN_BUTTON },
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.click(OPEN_BUTTON);
  try {
    await page.waitForFunction(() => window.__bench.list !== undefined, null, { timeout: 120_000 });
  } catch {
    const seen = await page.locator(LIST_ITEMS).count();
    throw new Error(`the list showed ${seen} of ${DOCUMENTS} documents after 120 s`);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const { click, list } = await page.evaluate(() => window.__bench);
  // Where the time goes, from the page's resource timings: key derivation runs before the
  // log-in request; decryption and rendering after the list arrives.
  const marks = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const login = entries.find((e) => e.name.endsWith('/api/v1/auth/login'));
    const docs = entries.filter((e) => new URL(e.name).pathname === '/api/v1/documents').pop();
    return { login: login?.startTime, docs: docs?.responseEnd };
  });
  console.log(`open_to_list_ms=${(list - click).toFixed(0)}`);
  if (marks.login !== undefined) console.log(`to_login_request_ms=${(marks.login - click).toFixed(0)}`);
  if (marks.docs !== undefined) console.log(`to_list_response_ms=${(marks.docs - click).toFixed(0)}`);
} finally {
  await browser.close();
}
