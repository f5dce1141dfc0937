import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const WEB_DIR = path.join(REPO_ROOT, 'client-wasm', 'web');
export const DIST_DIR = path.join(WEB_DIR, 'dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'target', 'e2e-screenshots');

/** The server binary: $PDE_SERVER_BIN (relative paths from the tests dir) or target/debug/pde-server. */
export function serverBin() {
  const fromEnv = process.env.PDE_SERVER_BIN;
  if (fromEnv) return path.resolve(E2E_DIR, fromEnv);
  return path.resolve(E2E_DIR, '../../target/debug/pde-server');
}
