import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerCard } from './api';
import type { CryptoWorker } from './pde';
import { codeOfFingerprint, recipientFingerprint } from './worker-key';
import {
  checkWorkerKey, emptyRecord, findRememberedWorker, fingerprintText, mergeRecords, MAX_RECORD_TEXT, parseRecord, RecordError, RecordKeeper, rememberWorker,
  type WalletRecord, type WorkerEntry,
} from './wallet-record';

const entry = (id: string, fingerprint: string, first: number, last: number, code = `CODE-${id}`): WorkerEntry => ({
  id, code, fingerprint, name: `Name ${id}`, organisation: 'Samusocial', first_used: first, last_used: last,
});
const record = (...workers: WorkerEntry[]): WalletRecord => ({ v: 1, workers });
const card = (id: string, code = `CODE-${id}`): WorkerCard =>
  ({ id, code, real_name: `Name ${id}`, organisation: 'Samusocial', verified: true, recipient: `age1${id}` }) as WorkerCard;

describe('merging two versions of the record', () => {
  it('keeps every worker of both sides', () => {
    const merged = mergeRecords(record(entry('a', 'fa', 10, 10)), record(entry('b', 'fb', 20, 20)));
    expect(merged.workers.map((e) => e.id)).toEqual(['a', 'b']);
    expect(mergeRecords(record(entry('b', 'fb', 20, 20)), record(entry('a', 'fa', 10, 10)))).toEqual(merged);
  });

  it('takes, for a worker on both sides, the entry last used, whichever side it is on', () => {
    const old = entry('a', 'f-old', 10, 15);
    const rescanned = entry('a', 'f-new', 30, 30);
    expect(mergeRecords(record(old), record(rescanned)).workers).toEqual([rescanned]);
    expect(mergeRecords(record(rescanned), record(old)).workers).toEqual([rescanned]);
  });

  it('keeps the earlier first use of the same key', () => {
    const merged = mergeRecords(record(entry('a', 'fa', 10, 40)), record(entry('a', 'fa', 5, 20)));
    expect(merged.workers).toEqual([entry('a', 'fa', 5, 40)]);
  });
});

describe('checking a worker key against the record', () => {
  const r = record(entry('a', 'fa', 10, 10, 'K7QM-2XHB-4'));

  it('knows a worker never shared with, and the same key again', () => {
    expect(checkWorkerKey(r, { id: 'b', code: 'ZZZZ-ZZZZ-Z' }, 'fb')).toEqual({ kind: 'new' });
    expect(checkWorkerKey(r, { id: 'a', code: 'K7QM-2XHB-4' }, 'fa')).toEqual({ kind: 'same', entry: r.workers[0] });
  });

  it('finds a changed key under the same worker id', () => {
    expect(checkWorkerKey(r, { id: 'a', code: 'AAAA-BBBB-C' }, 'f-ground')).toEqual({ kind: 'changed', entry: r.workers[0] });
  });

  it('finds a changed key under the same card code for another worker id', () => {
    expect(checkWorkerKey(r, { id: 'fake', code: 'K7QM-2XHB-4' }, 'f-ground')).toEqual({ kind: 'changed', entry: r.workers[0] });
  });
});

describe('remembering a share', () => {
  it('adds a worker, then refreshes their last use and keeps their first', () => {
    let r = rememberWorker(emptyRecord(), card('a'), 'fa', 100);
    expect(r.workers).toEqual([entry('a', 'fa', 100, 100)]);
    r = rememberWorker(r, card('a'), 'fa', 200);
    expect(r.workers).toEqual([entry('a', 'fa', 100, 200)]);
  });

  it('replaces the key after a rescan, and drops another entry with the card code but another key', () => {
    const r = record(entry('a', 'fa', 10, 20, 'SAME-CODE-1'), entry('ghost', 'f-ground', 12, 12, 'SAME-CODE-1'), entry('b', 'fb', 5, 5));
    const next = rememberWorker(r, card('a', 'SAME-CODE-1'), 'f-new', 300);
    expect(next.workers).toEqual([entry('b', 'fb', 5, 5), entry('a', 'f-new', 300, 300, 'SAME-CODE-1')]);
  });

  it('forgets the least recently used workers when the record would be too long', () => {
    let r = emptyRecord();
    for (let i = 0; i < 600; i++) r = rememberWorker(r, card(`w${String(i).padStart(3, '0')}`), 'x'.repeat(43), 1000 + i);
    expect(JSON.stringify(r).length).toBeLessThanOrEqual(MAX_RECORD_TEXT);
    expect(r.workers.length).toBeLessThan(600);
    const ids = r.workers.map((e) => e.id);
    expect(ids).toContain('w599');
    expect(ids).not.toContain('w000');
  });
});

describe('reading a record text', () => {
  it('reads version 1, and tells a newer version from a malformed one', () => {
    const r = record(entry('a', 'fa', 1, 2));
    expect(parseRecord(JSON.stringify(r))).toEqual(r);
    const reason = (text: string) => {
      try {
        parseRecord(text);
        return 'ok';
      } catch (e) {
        return e instanceof RecordError ? e.reason : 'other';
      }
    };
    expect(reason('{"v":2,"workers":[],"devices":[]}')).toBe('newer');
    for (const bad of ['', '[]', '{"v":1}', '{"v":1,"workers":[{"id":"a"}]}', '{"v":0,"workers":[]}']) expect(reason(bad), bad).toBe('invalid');
  });
});

/**
 * A stand-in crypto worker whose "encryption" is the text's bytes reversed, and a server that
 * keeps one record with compare-and-swap as the real one does.
 */
function setup() {
  const enc = (s: string) => new TextEncoder().encode(s).reverse();
  const dec = (b: Uint8Array) => new TextDecoder().decode(b.slice().reverse());
  const crypto = {
    call: async (req: { op: string; recordJson?: string; ciphertext?: Uint8Array }) => {
      if (req.op === 'sealRecord') return { ciphertext: enc(req.recordJson!) };
      if (req.op === 'openRecord') return { recordJson: dec(req.ciphertext!) };
      throw new Error(req.op);
    },
  } as unknown as CryptoWorker;
  const stored: { version: number; record: string | null } = { version: 0, record: null };
  const puts: number[] = [];
  /** Runs just before a PUT is answered: another device's write can land there. */
  let beforePut: (() => void) | null = null;
  const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
  const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  let worker: WorkerCard | null = null;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (url.startsWith('/api/v1/workers/') && worker) return json(200, worker);
    expect(url).toBe('/api/v1/account/record');
    if (init.method === 'GET') return json(200, stored);
    const body = JSON.parse(init.body as string) as { replaces: number; record: string };
    beforePut?.();
    beforePut = null;
    puts.push(body.replaces);
    if (body.replaces !== stored.version) return json(409, { error: { code: 'record_changed', message: 'changed' } });
    stored.version += 1;
    stored.record = body.record;
    return json(200, { version: stored.version });
  });
  return {
    crypto,
    puts,
    /** What the server answers for any card code. */
    answerWorker: (w: WorkerCard) => {
      worker = w;
    },
    stored: () => (stored.record ? parseRecord(dec(unb64(stored.record))) : null),
    /** Another device writes `r` over whatever is stored, before the next PUT is answered. */
    otherDeviceWritesFirst: (r: WalletRecord) => {
      beforePut = () => {
        stored.version += 1;
        stored.record = b64(enc(JSON.stringify(r)));
      };
    },
  };
}

describe('RecordKeeper', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads nothing until asked, then writes with the version read', async () => {
    const s = setup();
    const keeper = new RecordKeeper(s.crypto);
    expect(s.puts).toEqual([]);
    await keeper.update((r) => rememberWorker(r, card('a'), 'fa', 100));
    expect(s.puts).toEqual([0]);
    expect(s.stored()).toEqual(record(entry('a', 'fa', 100, 100)));
    expect(await keeper.check({ id: 'a', code: 'CODE-a' }, 'f-other')).toMatchObject({ kind: 'changed' });
  });

  it('on record_changed reads again, merges, and keeps the other device\'s entries and its own', async () => {
    const s = setup();
    const keeper = new RecordKeeper(s.crypto);
    await keeper.update((r) => rememberWorker(r, card('a'), 'fa', 100));
    s.otherDeviceWritesFirst(record(entry('a', 'fa', 100, 100), entry('b', 'fb', 150, 150)));
    await keeper.update((r) => rememberWorker(r, card('c'), 'fc', 200));
    expect(s.puts).toEqual([0, 1, 2]);
    expect(s.stored()!.workers.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    // A later check knows the other device's worker too.
    expect(await keeper.check({ id: 'b', code: 'CODE-b' }, 'f-ground')).toMatchObject({ kind: 'changed' });
  });
});

describe('finding a worker the holder shared with before', () => {
  afterEach(() => vi.unstubAllGlobals());
  // Two real recipients (worker-key.test.ts): the worker's, and one a server would answer instead.
  const REAL = 'age15kf8u3lzgwmnu3dm9mf8knsleayaplyp574fvld3r9cgzqep2euqsydhnq';
  const OTHER = 'age1qvmdz8h5a9caz9d9qhshhm32z7gweaahx9fpn4pvxmwv0uuv4ehq3qtpdh';

  it('refuses another key under a typed code that matches it, and lets a scan of the card through', async () => {
    const s = setup();
    const keeper = new RecordKeeper(s.crypto);
    const realFp = await recipientFingerprint(REAL);
    const otherFp = await recipientFingerprint(OTHER);
    const karim = { ...card('karim', codeOfFingerprint(realFp)), recipient: REAL };
    await keeper.update((r) => rememberWorker(r, karim, fingerprintText(realFp), 100));

    // The same key again, typed: fine.
    s.answerWorker(karim);
    await expect(findRememberedWorker({ code: karim.code, fingerprint: null }, keeper)).resolves.toEqual(karim);
    // Another key for Karim, with the very code typed (a ground key): refused.
    const ground = { ...karim, code: codeOfFingerprint(otherFp), recipient: OTHER };
    s.answerWorker(ground);
    await expect(findRememberedWorker({ code: ground.code, fingerprint: null }, keeper)).rejects.toMatchObject({ code: 'worker_key_changed' });
    // Karim's card scanned, whose whole fingerprint is the new key: it goes ahead.
    s.answerWorker(ground);
    await expect(findRememberedWorker({ code: ground.code, fingerprint: otherFp }, keeper)).resolves.toEqual(ground);
  });
});
