import { describe, expect, it, vi } from 'vitest';
import type { CryptoWorker } from './pde';
import { SessionBase } from './session-base';

/** A session with one piece of state, and a stand-in for its crypto worker. */
class Counter extends SessionBase {
  value = 0;
  dropped = false;
  bump(): void {
    this.value++;
    this.changed();
  }
  protected drop(): void {
    this.value = 0;
    this.dropped = true;
  }
}

function fakeCrypto() {
  return { terminate: vi.fn(), onLost: vi.fn(() => () => undefined) } as unknown as CryptoWorker & { terminate: ReturnType<typeof vi.fn> };
}

describe('SessionBase', () => {
  it('tells every listener of each change, and counts the changes', () => {
    const s = new Counter(fakeCrypto());
    const a = vi.fn();
    const b = vi.fn();
    s.subscribe(a);
    const offB = s.subscribe(b);
    s.bump();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(s.version).toBe(1);
    offB();
    s.bump();
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
    expect(s.version).toBe(2);
  });

  it('a listener that unsubscribes while being told does not stop the others', () => {
    const s = new Counter(fakeCrypto());
    const later = vi.fn();
    const off = s.subscribe(() => off());
    s.subscribe(later);
    s.bump();
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('lock ends the worker, drops the state and the listeners, once', async () => {
    const crypto = fakeCrypto();
    const s = new Counter(crypto);
    const f = vi.fn();
    s.subscribe(f);
    s.bump();
    await s.lock();
    expect(crypto.terminate).toHaveBeenCalledTimes(1);
    expect(s).toMatchObject({ locked: true, dropped: true, value: 0 });
    s.bump();
    expect(f).toHaveBeenCalledTimes(1);
    await s.lock();
    expect(crypto.terminate).toHaveBeenCalledTimes(1);
  });

  it('lock revokes every object URL made for viewing', async () => {
    const revoked: string[] = [];
    vi.stubGlobal('URL', Object.assign(Object.create(URL), {
      createObjectURL: (() => { let n = 0; return () => `blob:${++n}`; })(),
      revokeObjectURL: (u: string) => revoked.push(u),
    }));
    try {
      const s = new Counter(fakeCrypto());
      const one = s.objectUrl(new Blob(['a']));
      const two = s.objectUrl(new Blob(['b']));
      s.revoke(one);
      await s.lock();
      expect(revoked).toEqual([one, two]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
