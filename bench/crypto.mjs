// Runs crypto-page.js in headless Chromium and prints key=value lines for xtask.
import { serveStatic, launchChromium } from './common.mjs';

const site = await serveStatic();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${site.url}/bench/crypto.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  const r = await page.evaluate(() => window.runCryptoBench());
  console.log(`browser=${browser.version()}`);
  console.log(`encrypt_mib_s=${r.encrypt_mib_s.toFixed(1)}`);
  console.log(`decrypt_mib_s=${r.decrypt_mib_s.toFixed(1)}`);
  console.log(`argon2_ms=${r.argon2_ms.toFixed(1)}`);
} finally {
  await browser.close();
  site.close();
}
