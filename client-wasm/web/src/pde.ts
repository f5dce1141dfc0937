/**
 * The page's way to the crypto module (pde-client-wasm): it runs in a dedicated worker
 * (crypto.worker.ts, crypto-client.ts). The page never loads the WASM module itself and never
 * holds a key or a handle to one.
 */
import { warmCrypto } from './crypto-client';

export { CryptoWorker, NEW_KDF, PdeError, WORKER_LOST, pdeErrorCode, prepareKdf, takeCrypto, warmCrypto } from './crypto-client';

/** Starts loading the crypto module in a worker, ahead of need. */
export function loadCrypto(): void {
  warmCrypto();
}
