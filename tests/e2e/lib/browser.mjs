import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  terminal: { width: 1280, height: 1024 },
};

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Launches the system Chromium with a fresh, temporary user-data directory. With
 * `keepProfile: true`, close() leaves the directory (`userDataDir`) on disk, so a test can read
 * what the browser saved there (its History, its saved logins); `removeProfile()` deletes it.
 * `extraArgs` are added to the command line (e.g. a fake camera).
 */
export async function launch(viewport, { keepProfile = false, extraArgs = [], ...options } = {}) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.PDE_CHROMIUM ?? '/usr/bin/chromium',
    args: [...ARGS, ...extraArgs],
    headless: true,
    viewport,
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  return {
    context,
    page,
    problems,
    userDataDir,
    removeProfile,
    async close() {
      await context.close().catch(() => undefined);
      if (!keepProfile) removeProfile();
    },
  };
}
