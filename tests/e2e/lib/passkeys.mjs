// Passkeys in the tests: the app on a server whose public address is the proxy's by a domain
// name (`http://localhost:<port>`: a secure context, and a relying party id WebAuthn accepts),
// Chromium's virtual authenticator through CDP, and a record of every PRF output the browser
// gave the page.
import { launch, VIEWPORTS } from './browser.mjs';
import { chooseLanguage } from './flows.mjs';
import { messages } from './i18n.mjs';
import { startProxy } from './proxy.mjs';
import { startServer } from './server.mjs';

/**
 * Wraps navigator.credentials.create/get before the app loads: each call is counted in
 * `window.__pdePrompts`, and the first PRF output of its answer is copied (Base64) into
 * `window.__pdePrfSeen`, read right away, before the app touches it.
 */
const RECORD_PRF = `(() => {
  const b64 = (buf) => { let s = ''; for (const b of new Uint8Array(buf)) s += String.fromCharCode(b); return btoa(s); };
  window.__pdePrompts = [];
  window.__pdePrfSeen = [];
  for (const name of ['create', 'get']) {
    const original = navigator.credentials[name].bind(navigator.credentials);
    navigator.credentials[name] = async (options) => {
      window.__pdePrompts.push(name);
      const cred = await original(options);
      const first = cred && cred.getClientExtensionResults().prf?.results?.first;
      if (first) window.__pdePrfSeen.push(b64(first));
      return cred;
    };
  }
})();`;

/** Virtual authenticator options: a phone's screen lock, with or without PRF. */
export function phoneAuthenticator({ prf = true, userVerified = true } = {}) {
  return {
    protocol: 'ctap2',
    transport: 'internal',
    hasResidentKey: true,
    hasUserVerification: true,
    isUserVerified: userVerified,
    hasPrf: prf,
    automaticPresenceSimulation: true,
  };
}

/**
 * A server with passkeys on, its recording proxy, and one browser at `viewport` opened on the
 * proxy by `localhost`, with `lang` chosen and a virtual authenticator (`authenticator`
 * options; null for none). `addAuthenticator(options)` adds another; `prfSeen()` and
 * `prompts()` read the record.
 */
export async function openPasskeyApp({ viewport = VIEWPORTS.phone, lang = 'fr', authenticator = phoneAuthenticator(), server: existing = null } = {}) {
  const proxy = await startProxy();
  const server = existing ?? (await startServer({}, { publicUrl: proxy.localhostUrl }));
  proxy.setTarget(server.url);
  const browser = await launch(viewport);
  const { page } = browser;
  page.setDefaultTimeout(30_000);
  await page.addInitScript(RECORD_PRF);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const addAuthenticator = async (options) => (await cdp.send('WebAuthn.addVirtualAuthenticator', { options })).authenticatorId;
  const authenticatorId = authenticator ? await addAuthenticator(authenticator) : null;
  await page.goto(proxy.localhostUrl);
  const t = messages(lang);
  await chooseLanguage(page, t, lang);
  return {
    server, proxy, browser, page, t, cdp, authenticatorId, addAuthenticator,
    removeAuthenticator: (id) => cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: id }),
    credentials: async (id) => (await cdp.send('WebAuthn.getCredentials', { authenticatorId: id })).credentials,
    prfSeen: () => page.evaluate(() => [...window.__pdePrfSeen]),
    prompts: () => page.evaluate(() => [...window.__pdePrompts]),
    clearPrompts: () => page.evaluate(() => window.__pdePrompts.splice(0)),
    async close({ keepServer = false } = {}) {
      await browser.close();
      await proxy.stop();
      if (!keepServer) {
        await server.stop();
        server.cleanup();
      }
    },
  };
}
