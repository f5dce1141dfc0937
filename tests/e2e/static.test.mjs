// The web app compiled into the server binary (feature `embedded-web`, as `cargo xtask`
// builds it): served with no `--web-dir` and no built files near the server, in the smallest
// form Chromium accepts, hashed assets cached for a year, and a wallet opens on it.
import assert from 'node:assert/strict';
import test from 'node:test';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { chooseLanguage, confirmSheet, createWallet } from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startServer } from './lib/server.mjs';

test('the embedded web app goes compressed and cached, and a wallet works on it', { timeout: 300_000 }, async () => {
  const server = await startServer({}, { webDir: null });
  const browser = await launch(VIEWPORTS.phone);
  const { page, context } = browser;
  page.setDefaultTimeout(30_000);
  const t = messages('fr');
  try {
    // What came over the wire, from Chromium's own network events.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const seen = new Map();
    const cached = new Set();
    const watch = (on) => {
      on('Network.responseReceived', ({ requestId, response }) => {
        const path = new URL(response.url).pathname;
        if (path.startsWith('/api/')) return;
        seen.set(requestId, { id: requestId, path, headers: lower(response.headers), fromCache: response.fromDiskCache || response.fromMemoryCache, bytes: 0 });
      });
      on('Network.requestServedFromCache', ({ requestId }) => cached.add(requestId));
      on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
        const r = seen.get(requestId);
        if (r) r.bytes = encodedDataLength;
      });
    };
    watch((event, f) => cdp.on(event, f));
    // The crypto module is fetched by the crypto worker; Playwright reports the worker's
    // requests on the page.
    const modules = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm')) modules.push(r);
    });

    await page.goto(server.url);
    await chooseLanguage(page, t, 'fr');
    await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
    await page.waitForLoadState('networkidle');
    // The worker fetches the module on its own schedule, which the page's network idle does
    // not wait for.
    await until(() => modules.length > 0, 30_000);
    const first = [...seen.values()];
    const index = first.find((r) => r.path === '/');
    assert.ok(index, `the page itself was loaded: ${first.map((r) => r.path).join(', ')}`);
    assert.equal(index.headers['cache-control'], 'no-cache');
    const assets = first.filter((r) => r.path.startsWith('/assets/'));
    assert.ok(modules.length > 0, 'the crypto module was loaded');
    const module = modules[0];
    const moduleHeaders = await module.allHeaders();
    assert.equal(moduleHeaders['content-encoding'], 'br', 'the crypto module came as Brotli');
    assert.equal(moduleHeaders['cache-control'], 'public, max-age=31536000, immutable', 'the crypto module is cached');
    for (const a of assets) {
      assert.equal(a.headers['content-encoding'], 'br', `${a.path} came as Brotli`);
      assert.equal(a.headers['cache-control'], 'public, max-age=31536000, immutable', a.path);
    }
    const wasmBytes = (await module.request().sizes()).responseBodySize;
    assert.ok(wasmBytes > 0 && wasmBytes < 300_000, `the crypto module is sent compressed (${wasmBytes} bytes on the wire)`);
    // The worker's own resource timing agrees: the module was transferred (the second visit
    // below reads the same figure and expects 0).
    const moduleFirst = await workerModuleTiming(page);
    assert.ok(moduleFirst && moduleFirst.transferSize > 0, `the first visit downloads the module (${JSON.stringify(moduleFirst)})`);

    // It works: a wallet is made with the embedded app.
    const { code } = await createWallet(page, t);
    await confirmSheet(page, t, code);

    // A second visit takes the hashed assets from the cache.
    seen.clear();
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    const again = [...seen.values()].filter((r) => r.path.startsWith('/assets/'));
    assert.ok(again.length > 0, 'the second visit uses the assets');
    assert.deepEqual(again.filter((r) => !r.fromCache && !cached.has(r.id)).map((r) => `${r.path} (${r.bytes} bytes)`), [], 'no hashed asset is downloaded twice');
    // The crypto worker of the second visit takes the module from the cache too: its own
    // resource timing shows nothing transferred (0 bytes is what a cache hit reports).
    const moduleAgain = await workerModuleTiming(page);
    assert.ok(moduleAgain, 'the second visit loads the crypto module in the worker');
    assert.ok(moduleAgain.decodedBodySize > 0, 'the worker received the module');
    assert.equal(moduleAgain.transferSize, 0, 'the crypto module is not downloaded twice');
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup();
  }
});

/** The crypto worker's resource timing entry for the module, or null after 30 s. */
async function workerModuleTiming(page) {
  let found = null;
  await until(() => found !== null, 30_000, async () => {
    for (const w of page.workers()) {
      const entries = await w
        .evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('.wasm'))
            .map((e) => ({ transferSize: e.transferSize, decodedBodySize: e.decodedBodySize })),
        )
        .catch(() => []);
      if (entries.length > 0) found = entries[0];
    }
  });
  return found;
}

async function until(ok, ms, poll = async () => {}) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    await poll();
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function lower(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
