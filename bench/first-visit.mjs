// A phone's first visit as the wire carries it: headless Chromium loads the start page from
// the release server and adds up the bytes it received for each response (CDP
// Network.loadingFinished encodedDataLength: compressed body plus headers), until the page
// is idle; the crypto worker's own requests (its script's imports and the WASM module) are
// counted too, through the worker's CDP session. Usage: node first-visit.mjs <server url>. Prints one `resource=<path> bytes=<n>
// encoding=<coding>` line per response and `first_visit_bytes=<total>`.
import { launchChromium } from './common.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node first-visit.mjs <server url>');
  process.exit(2);
}

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = new Map();
  const received = (scope, { requestId, response }) => {
    const encoding = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
    responses.set(`${scope}:${requestId}`, { path: new URL(response.url).pathname, encoding, bytes: 0 });
  };
  const finished = (scope, { requestId, encodedDataLength }) => {
    const r = responses.get(`${scope}:${requestId}`);
    if (r) r.bytes = encodedDataLength;
  };
  cdp.on('Network.responseReceived', (e) => received('page', e));
  cdp.on('Network.loadingFinished', (e) => finished('page', e));
  // The crypto worker fetches the WASM module itself: its requests are seen only through its
  // own session, which is held at its start until its network events are on.
  let next = 0;
  const toWorker = (sessionId, method, params = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++next, method, params }) });
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
    if (targetInfo.type === 'worker') await toWorker(sessionId, 'Network.enable');
    if (waitingForDebugger) await toWorker(sessionId, 'Runtime.runIfWaitingForDebugger');
  });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message);
    if (m.method === 'Network.responseReceived') received(sessionId, m.params);
    if (m.method === 'Network.loadingFinished') finished(sessionId, m.params);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await page.goto(base, { waitUntil: 'networkidle' });
  // The start page is up when its form is there (the crypto module loads meanwhile).
  await page.waitForSelector('#open-pseudonym');
  await page.waitForLoadState('networkidle');
  let total = 0;
  for (const r of responses.values()) {
    total += r.bytes;
    console.log(`resource=${r.path} bytes=${r.bytes} encoding=${r.encoding}`);
  }
  console.log(`first_visit_bytes=${total}`);
} finally {
  await browser.close();
}
