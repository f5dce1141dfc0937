// Time from a click on "Open" to the document list showing 200 documents, in headless
// Chromium with the CPU slowed down 4x (CDP Emulation.setCPUThrottlingRate on the page; on
// the crypto worker too where Chromium accepts it there, which `worker_throttled=` says), next
// to the Argon2id derivation alone in the same run (the crypto worker measures it:
// performance.measure 'pde-argon2id'). Then a document is added and
// viewed, and the longest main-thread task (PerformanceObserver 'longtask') of each phase is
// reported.
// Also seeds a second holder whose 200 documents are photos with a thumbnail in their metadata
// (one real thumbnail made by Chromium, client-wasm/web/src/image.ts), and prints the byte
// length of both list responses: list_bytes=<n>, list_bytes_thumbs=<n>, thumb_bytes=<n>.
// With a second URL (the same server by a domain name, `http://localhost:<port>`, its public
// URL), the page is opened there and, after the rest, a passkey with PRF is added in Settings
// (Chromium's virtual authenticator), and the time from "Open with a passkey" to the same list
// is measured the same way, still slowed down: passkey_open_to_list_ms=<ms>.
// Usage: node open-to-list.mjs <server url> [<page url>]. Prints open_to_list_ms=<ms>, argon2id_ms=<ms>,
// longest_task_<phase>_ms=<ms>, or pending=<why> when the web app does not have the screens
// this needs yet. With PDE_BENCH_THUMBS=1 the timed holder is the one with thumbnails.
// With PDE_BENCH_PROFILE=<file.cpuprofile> the page's main thread is profiled from the click
// to the full list (CDP Profiler; open the file in Chromium's DevTools), the crypto worker too
// (<file>.worker.cpuprofile), and the ten functions of each with the most self time are printed
// as profile_top= / profile_worker_top=<ms> <function> <script>:<line>:<column>.
import { launchChromium, loadBindings, signUp, api, b64, metadata, putContent } from './common.mjs';

const DOCUMENTS = 200;
const THROTTLE = 4;
const CATEGORIES = ['identity', 'social_aid', 'health', 'housing', 'income', 'work', 'children', 'my_story', 'contacts', 'other'];
// The web app's labels and structure (client-wasm/web/src/start.tsx, wallet.tsx).
const PSEUDONYM_INPUT = '#open-pseudonym';
const PASSPHRASE_INPUT = '#open-passphrase';
const OPEN_BUTTON = 'form:has(#open-pseudonym) button[type=submit]';
const LIST_ITEMS = 'ul.docs > li';
// en.ftl: add-document, choose-file, field-title, save.
const ADD_BUTTON = 'Add a document';
const FILE_LABEL = 'Choose a file';
const TITLE_LABEL = 'Title';
const SAVE_BUTTON = 'Save';
const ADDED_TITLE = 'Bench added document';

const base = process.argv[2];
const pageBase = process.argv[3] ?? base;
// en.ftl: settings-open, ways-passkey-add, ways-passkey-add-submit, ways-passkey-added,
// passkey-open-button, quit, back.
const PASSKEY_OPEN = 'Open with a passkey';
if (!base) {
  console.error('usage: node open-to-list.mjs <server url>');
  process.exit(2);
}

const browser = await launchChromium();
try {
  // A holder with 200 small documents, made through the API with the real bindings; a second
  // one whose documents are photos with a thumbnail.
  const pde = await loadBindings();
  const thumb = await photoThumbnail(browser);
  console.log(`thumb_bytes=${Buffer.from(thumb.data, 'base64').length}`);
  const passphrase = 'bench open list words here';
  const seed = async (name, withThumb) => {
    const pseudonym = `bench-${name}-${Date.now().toString(36)}`;
    const account = await signUp(pde, base, pseudonym, passphrase);
    const content = new Uint8Array(2000).fill(42);
    for (let i = 0; i < DOCUMENTS; i++) {
      const meta = metadata(`Document ${i + 1}`, content.length, CATEGORIES[i % CATEGORIES.length]);
      const writer = account.wallet.newDocument(
        withThumb ? JSON.stringify({ ...JSON.parse(meta), file_name: `Document ${i + 1}.jpg`, mime: 'image/jpeg', thumb }) : meta,
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
    const list = await fetch(`${base}/api/v1/documents`, { headers: { authorization: `Bearer ${account.session}` } });
    const bytes = (await list.arrayBuffer()).byteLength;
    account.wallet.lock();
    console.log(`seeded ${DOCUMENTS} documents for ${pseudonym}`);
    return { pseudonym, bytes };
  };
  const plain = await seed('open', false);
  const photos = await seed('thumbs', true);
  console.log(`list_bytes=${plain.bytes}`);
  console.log(`list_bytes_thumbs=${photos.bytes}`);
  const { pseudonym } = process.env.PDE_BENCH_THUMBS === '1' ? photos : plain;

  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(pageBase);
  try {
    await page.waitForSelector(PSEUDONYM_INPUT, { timeout: 20_000 });
    await page.waitForSelector(OPEN_BUTTON, { timeout: 1_000 });
  } catch {
    console.log('pending=the web app has no open form yet (#open-pseudonym, #open-passphrase, Open button)');
    process.exit(0);
  }
  const cdp = await context.newCDPSession(page);
  await page.fill(PSEUDONYM_INPUT, pseudonym);
  await page.fill(PASSPHRASE_INPUT, passphrase);
  // Page-side clock: the click and the moment the list holds every document.
  await page.evaluate(
    ({ items, want, button }) => {
      window.__bench = { tasks: [] };
      // Long tasks of the main thread (over 50 ms), with when they started.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__bench.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      document.querySelector(button).addEventListener(
        'click',
        () => (window.__bench.click = performance.now()),
        { capture: true, once: true },
      );
      // A promise the bench awaits, rather than Playwright's waitForFunction, which polls on
      // every animation frame and would add its own main-thread work to what is measured.
      window.__bench.listed = new Promise((resolve) => {
        new MutationObserver((_, obs) => {
          if (document.querySelectorAll(items).length >= want) {
            window.__bench.list = performance.now();
            obs.disconnect();
            resolve(true);
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
    },
    { items: LIST_ITEMS, want: DOCUMENTS, button: OPEN_BUTTON },
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const worker = await workerSession(cdp);
  const workerThrottled = await worker
    .send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
    .then(() => true, () => false);
  const profileFile = process.env.PDE_BENCH_PROFILE;
  if (profileFile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await worker.send('Profiler.enable');
    await worker.send('Profiler.setSamplingInterval', { interval: 500 });
    await worker.send('Profiler.start');
  }
  await page.click(OPEN_BUTTON);
  try {
    await page.evaluate(
      () => Promise.race([window.__bench.listed, new Promise((_, no) => setTimeout(() => no(new Error('timeout')), 120_000))]),
    );
  } catch {
    const seen = await page.locator(LIST_ITEMS).count();
    throw new Error(`the list showed ${seen} of ${DOCUMENTS} documents after 120 s`);
  }
  const { click, list } = await page.evaluate(() => window.__bench);
  if (profileFile) {
    await saveProfile(cdp, profileFile, 'profile_top');
    await saveProfile(worker, profileFile.replace(/(\.cpuprofile)?$/, '.worker.cpuprofile'), 'profile_worker_top');
  }
  // Add a small PDF through the add screen, then view it (still slowed down).
  const addStart = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: ADD_BUTTON, exact: true }).click();
  await page.getByLabel(FILE_LABEL, { exact: true }).setInputFiles({
    name: 'bench.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(300_000, 7),
  });
  await page.getByLabel(TITLE_LABEL, { exact: true }).fill(ADDED_TITLE);
  await page.getByRole('button', { name: SAVE_BUTTON, exact: true }).click();
  await page.getByRole('status').filter({ hasText: ADDED_TITLE }).waitFor({ timeout: 120_000 });
  const viewStart = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: new RegExp(ADDED_TITLE) }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: ADDED_TITLE }).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="doc-pdf"]').waitFor({ timeout: 120_000 });
  const viewEnd = await page.evaluate(() => performance.now());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const tasks = await page.evaluate(() => window.__bench.tasks);
  const longest = (from, to) =>
    Math.max(0, ...tasks.filter((x) => x.start >= from && x.start < to).map((x) => x.duration));
  const argon = await worker
    .send('Runtime.evaluate', {
      expression: "performance.getEntriesByName('pde-argon2id').map((e) => e.duration)",
      returnByValue: true,
    })
    .catch(() => null);
  const argonRuns = argon?.result?.value ?? [];
  // Where the time goes, from the page's resource timings: key derivation runs before the
  // log-in request; decryption and rendering after the list arrives.
  const marks = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const login = entries.find((e) => e.name.endsWith('/api/v1/auth/login'));
    const docs = entries.find((e) => new URL(e.name).pathname === '/api/v1/documents');
    return { login: login?.startTime, docs: docs?.responseEnd };
  });
  console.log(`open_to_list_ms=${(list - click).toFixed(0)}`);
  if (argonRuns.length) console.log(`argon2id_ms=${argonRuns[argonRuns.length - 1].toFixed(0)}`);
  console.log(`worker_throttled=${workerThrottled}`);
  console.log(`longest_task_open_ms=${longest(click, list + 1).toFixed(0)}`);
  console.log(`longest_task_add_ms=${longest(addStart, viewStart).toFixed(0)}`);
  console.log(`longest_task_view_ms=${longest(viewStart, viewEnd + 1).toFixed(0)}`);
  if (marks.login !== undefined) console.log(`to_login_request_ms=${(marks.login - click).toFixed(0)}`);
  if (marks.docs !== undefined) console.log(`to_list_response_ms=${(marks.docs - click).toFixed(0)}`);
  if (pageBase !== base) {
    const ms = await passkeyOpen(page, cdp, passphrase).catch((e) => {
      console.error(`passkey open not measured: ${e.message}`);
      return null;
    });
    if (ms !== null) console.log(`passkey_open_to_list_ms=${ms.toFixed(0)}`);
  }
} finally {
  await browser.close();
}

/** Stops the profiler, writes the profile and prints the functions with the most self time. */
async function saveProfile(cdp, file, label) {
  const { profile } = await cdp.send('Profiler.stop');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, JSON.stringify(profile));
  // Self time of a node: its samples times the interval between samples.
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const perSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const self = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const script = f.url ? f.url.split('/').pop() : '';
    const key = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (counts.get(node.id) ?? 0) * perSample);
  }
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`${label}=${ms.toFixed(0)} ${key}`);
  }
}

/**
 * Adds a passkey (virtual authenticator with PRF) in Settings, proved by the passphrase, quits,
 * and times "Open with a passkey" to the list of every document, with the CPU slowed down as
 * for the passphrase. Resolves to the milliseconds.
 */
async function passkeyOpen(page, cdp, passphrase) {
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('heading', { level: 1, exact: true, name: 'My documents' }).waitFor();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Add a passkey', exact: true }).click();
  await page.locator('#ways-proof-secret').fill(passphrase);
  await page.getByRole('button', { name: 'Continue with the screen lock', exact: true }).click();
  await page.getByText('The passkey is added: it logs in and unlocks your wallet.').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Quit', exact: true }).click();
  await page.getByRole('button', { name: PASSKEY_OPEN, exact: true }).waitFor();
  await page.evaluate(
    ({ items, want, label }) => {
      window.__benchPasskey = {};
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
      button.addEventListener('click', () => (window.__benchPasskey.click = performance.now()), { capture: true, once: true });
      new MutationObserver((_, obs) => {
        if (document.querySelectorAll(items).length >= want) {
          window.__benchPasskey.list = performance.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    },
    { items: LIST_ITEMS, want: DOCUMENTS, label: PASSKEY_OPEN },
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  try {
    await page.getByRole('button', { name: PASSKEY_OPEN, exact: true }).click();
    await page.waitForFunction(() => window.__benchPasskey.list !== undefined, null, { timeout: 120_000 });
    const { click, list } = await page.evaluate(() => window.__benchPasskey);
    return list - click;
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/**
 * The `thumb` field the web app would write for a photographed paper: a 1600×1200 picture
 * (page, lines of text, noise) drawn in Chromium and made into a thumbnail the way image.ts
 * does (160 px, WebP at the first quality of 0.7, 0.55, 0.4, 0.25 that fits 8 KiB).
 */
async function photoThumbnail(browser) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async () => {
      const big = document.createElement('canvas');
      big.width = 1600;
      big.height = 1200;
      const c = big.getContext('2d');
      c.fillStyle = '#8fb3c9';
      c.fillRect(0, 0, 1600, 1200);
      c.fillStyle = '#f4f1ea';
      c.fillRect(200, 150, 1200, 900);
      c.fillStyle = '#222';
      c.font = '48px sans-serif';
      for (let i = 0; i < 12; i++) c.fillText(`Ligne ${i + 1} — Regel ${i + 1} — 0123456789`, 260, 260 + i * 64);
      const img = c.getImageData(0, 0, 1600, 1200);
      let seed = 7;
      for (let i = 0; i < img.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = (seed % 31) - 15;
        for (let k = 0; k < 3; k++) img.data[i + k] = Math.max(0, Math.min(255, img.data[i + k] + n));
      }
      c.putImageData(img, 0, 0);
      const small = document.createElement('canvas');
      small.width = 160;
      small.height = 120;
      const s = small.getContext('2d');
      s.imageSmoothingQuality = 'high';
      s.drawImage(big, 0, 0, 160, 120);
      for (const q of [0.7, 0.55, 0.4, 0.25]) {
        const blob = await new Promise((r) => small.toBlob(r, 'image/webp', q));
        if (blob.size > 8192) continue;
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (const b of bytes) bin += String.fromCharCode(b);
        return { mime: 'image/webp', data: btoa(bin) };
      }
      throw new Error('no thumbnail fits 8 KiB');
    });
  } finally {
    await page.close();
  }
}

/**
 * The CDP session of the page's crypto worker, through the page's session (auto-attach,
 * messages wrapped in Target.sendMessageToTarget). `send` rejects when there is none.
 */
async function workerSession(cdp) {
  const attached = [];
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') attached.push(e.sessionId);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 500));
  const sessionId = attached[0];
  let next = 0;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    const p = m.id !== undefined && pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  });
  return {
    send(method, params = {}) {
      if (!sessionId) return Promise.reject(new Error('no worker'));
      return new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
  };
}
