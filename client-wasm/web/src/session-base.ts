/**
 * What the three sessions (a holder's wallet, a worker's account, a link being visited) have
 * in common: the crypto worker that holds their keys, the object URLs made for viewing, one
 * way to tell the UI that their state changed (`subscribe`; see useSession in ui.tsx), and
 * lock(), which ends the worker, revokes every URL and drops what was decrypted.
 */
import type { CryptoWorker } from './pde';

/** Object URLs made for viewing decrypted documents; every one is revoked on lock. */
export class UrlKeeper {
  private urls = new Set<string>();

  /** An object URL that lock() will revoke. */
  objectUrl(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.urls.add(url);
    return url;
  }

  revoke(url: string): void {
    if (this.urls.delete(url)) URL.revokeObjectURL(url);
  }

  protected revokeAll(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}

/** Something the UI shows that changes on its own: a version number and change listeners. */
export interface Changes {
  /** Counts the changes so far: a screen rendered at an older version is out of date. */
  readonly version: number;
  /** Calls `f` after each change; returns the function that stops it. */
  subscribe(f: () => void): () => void;
}

export abstract class SessionBase extends UrlKeeper implements Changes {
  private listeners = new Set<() => void>();
  private changes = 0;
  private closed = false;

  constructor(readonly crypto: CryptoWorker) {
    super();
  }

  get version(): number {
    return this.changes;
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Tells every listener the session's state changed (a subclass calls it after each change). */
  protected changed(): void {
    this.changes++;
    for (const f of [...this.listeners]) f();
  }

  /** Whether lock() was called. */
  get locked(): boolean {
    return this.closed;
  }

  /** Called once if the crypto worker dies on its own. */
  onLost(f: () => void): () => void {
    return this.crypto.onLost(f);
  }

  /** Drops what the subclass decrypted or holds (called by lock, after the URLs are revoked). */
  protected abstract drop(): void;

  /** What follows the end of the worker (ending the server session); nothing by default. */
  protected async afterLock(): Promise<void> {}

  /** Ends the worker (and every key in it), revokes every object URL, drops decrypted data. */
  async lock(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.revokeAll();
    this.drop();
    // The screens of a locked session are replaced, not told: nothing more reaches them.
    this.listeners.clear();
    this.crypto.terminate();
    await this.afterLock();
  }
}
