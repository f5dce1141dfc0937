// One holder's browser on a fresh server, through the recording proxy, with the language
// chosen: what most single-browser tests start from.
import { launch, VIEWPORTS } from './browser.mjs';
import { chooseLanguage } from './flows.mjs';
import { messages } from './i18n.mjs';
import { startProxy } from './proxy.mjs';
import { startServer } from './server.mjs';

/**
 * Starts a server and a recording proxy, opens a browser at `viewport` on the proxy, runs
 * `beforeGoto(page)` (e.g. to install a fake clock) and chooses `lang`; `launchOptions` go to
 * `launch()`. `close()` stops all.
 */
export async function openApp({ viewport = VIEWPORTS.terminal, lang = 'fr', beforeGoto = async () => {}, launchOptions = {} } = {}) {
  const server = await startServer();
  const proxy = await startProxy(server.url);
  const browser = await launch(viewport, launchOptions);
  browser.page.setDefaultTimeout(30_000);
  await beforeGoto(browser.page);
  await browser.page.goto(proxy.url);
  const t = messages(lang);
  await chooseLanguage(browser.page, t, lang);
  return {
    server, proxy, browser, page: browser.page, t,
    async close() {
      await browser.close();
      await proxy.stop();
      await server.stop();
      server.cleanup();
    },
  };
}
