import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const WEB_DIR = path.join(REPO_ROOT, 'client-wasm', 'web');
/** The built web app: $PDE_WEB_DIST (to run the tests against another build) or client-wasm/web/dist. */
export const DIST_DIR = process.env.PDE_WEB_DIST ? path.resolve(process.env.PDE_WEB_DIST) : path.join(WEB_DIR, 'dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'target', 'e2e-screenshots');

/** The server binary: $PDE_SERVER_BIN (relative paths from the tests dir) or target/debug/pde-server. */
export function serverBin() {
  const fromEnv = process.env.PDE_SERVER_BIN;
  if (fromEnv) return path.resolve(E2E_DIR, fromEnv);
  return path.resolve(E2E_DIR, '../../target/debug/pde-server');
}
