/**
 * The page's side of the crypto worker: one CryptoWorker per open wallet (or link, or
 * sign-up). Every use of the crypto goes through `call`; the keys stay in the worker, and
 * `terminate()` (lock, Quit) ends it with everything it held.
 */
import { Calls, WORKER_LOST, type Op, type ReplyOf, type RequestOf, type FromWorker, type ToWorker } from './crypto-protocol';

export { PdeError, pdeErrorCode, WORKER_LOST } from './crypto-protocol';

/** Argon2id parameters for new passphrase slots (docs/formats.md). */
export const NEW_KDF = { alg: 'argon2id', m_kib: 65536, t: 3, p: 1 } as const;

let lockCounter = 0;

export class CryptoWorker {
  private worker: Worker;
  private calls = new Calls();
  private lostListeners = new Set<() => void>();
  private ended = false;
  private lockName: string;

  constructor() {
    this.worker = new Worker(new URL('./crypto.worker.ts', import.meta.url), { type: 'module', name: 'pde-crypto' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.kind === 'ready') this.watch();
      else this.calls.settle(e.data);
    };
    // A script that fails to load or an error nobody caught: the worker cannot be trusted on.
    this.worker.onerror = () => this.lost();
    this.worker.onmessageerror = () => this.lost();
    const lock = `pde-crypto-${Date.now().toString(36)}-${++lockCounter}-${Math.random().toString(36).slice(2)}`;
    this.lockName = lock;
    this.post({ kind: 'init', lock });
  }

  /**
   * The worker holds a Web Lock for as long as it lives; this page is granted the same lock
   * only once the worker is gone, however it went (terminated from outside, out of memory).
   */
  private watch(): void {
    if (!navigator.locks) return;
    void navigator.locks.request(this.lockName, () => {
      this.lost();
    });
  }

  private lost(): void {
    if (this.ended) return;
    this.ended = true;
    this.calls.end(WORKER_LOST);
    this.worker.terminate();
    for (const f of this.lostListeners) f();
  }

  private post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  /** Runs one operation in the worker. `transfer` hands buffers over instead of copying them. */
  call<K extends Op>(req: RequestOf<K>, transfer: Transferable[] = []): Promise<ReplyOf<K>> {
    const { message, reply } = this.calls.start(req);
    if (!this.calls.endedWith) this.post(message, transfer);
    return reply;
  }

  /** Called once if the worker dies on its own (not after terminate()). */
  onLost(f: () => void): () => void {
    this.lostListeners.add(f);
    return () => this.lostListeners.delete(f);
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Ends the worker and every key it held; pending and later calls fail with `locked`. */
  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.calls.end('locked');
    this.worker.terminate();
  }
}

/** A worker started ahead of need, so the WASM module compiles while the person reads or types. */
let spare: CryptoWorker | null = null;

/** Starts the spare worker if there is none. */
export function warmCrypto(): CryptoWorker {
  if (!spare?.alive) spare = new CryptoWorker();
  return spare;
}

/** A worker of one's own (the spare one if it is ready): the caller terminates it. */
export function takeCrypto(): CryptoWorker {
  const w = warmCrypto();
  spare = null;
  return w;
}

/**
 * Has the spare worker allocate Argon2id's memory for new wallets' parameters now (64 MiB:
 * allocating it was a fifth of a derivation on a slow phone), while the person types the
 * passphrase. It stays allocated, zeroized, until the worker ends.
 */
export function prepareKdf(): void {
  void warmCrypto()
    .call({ op: 'reserveKdfMemory', kdf: NEW_KDF })
    .catch(() => undefined);
}

/** Ends the spare worker, if any (a quick exit leaves no worker behind). */
export function endSpareCrypto(): void {
  spare?.terminate();
  spare = null;
}
