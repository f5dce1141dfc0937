/**
 * The session logic over the real crypto worker (crypto.worker.ts) running the real built
 * WASM module (src/pkg, built by `cargo xtask test`'s wasm-build step), against an in-memory
 * server (testing/fake-server.ts). @vitest/web-worker runs the worker in this thread.
 */
import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAccount, newRecoveryCode, openWithPassphrase, type OpenSession } from './auth';
import { fromBase64 } from './base64';
import { CryptoWorker, NEW_KDF, pdeErrorCode } from './crypto-client';
import { newMetadata } from './metadata';
import { Session } from './session';
import { FakeServer } from './testing/fake-server';
import { errorMsg } from './ui';

// Argon2id at the real parameters (64 MiB, t=3) runs in every log-in: give it time on a slow machine.
vi.setConfig({ testTimeout: 120_000 });

const PASSPHRASE = 'cobalt lantern meadow orbit velvet harbor';

let server: FakeServer;
const open: OpenSession[] = [];

beforeEach(() => {
  server = new FakeServer();
  vi.stubGlobal('fetch', server.fetch);
  vi.stubGlobal('XMLHttpRequest', server.xhr());
  // Node 20 has no navigator; the page and the worker use its Web Locks only where present.
  if (typeof navigator === 'undefined') vi.stubGlobal('navigator', {});
  // The page's address: Vite resolves the worker's WASM module from it, as in a browser.
  if (typeof location === 'undefined') vi.stubGlobal('location', new URL('http://pde.test/'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.lock();
  vi.unstubAllGlobals();
});

async function holder(pseudonym: string): Promise<Session> {
  const s = await createAccount(pseudonym, PASSPHRASE, await newRecoveryCode());
  open.push(s);
  return s;
}

async function unlock(pseudonym: string, passphrase: string): Promise<OpenSession> {
  const s = await openWithPassphrase(pseudonym, passphrase);
  open.push(s);
  return s;
}

describe('unlock through the crypto worker', () => {
  it('the right passphrase opens the wallet made at sign-up', async () => {
    const made = await holder('ali');
    await made.lock();
    const s = await unlock('ali', PASSPHRASE);
    expect(s.kind).toBe('holder');
    expect(s.crypto.alive).toBe(true);
    // The wallet in the worker is the one the account was made with: it can seal a new slot,
    // which only an open wallet can.
    const { keys } = await s.crypto.call({ op: 'deriveRecoveryKeys', code: await newRecoveryCode() });
    const { slot } = await s.crypto.call({ op: 'sealSlot', keys });
    expect(slot.length).toBeGreaterThan(0);
  });

  it('a wrong passphrase is refused, with the passphrase message', async () => {
    await (await holder('bea')).lock();
    const err = await unlock('bea', 'cobalt lantern meadow orbit velvet harbour').catch((e: unknown) => e);
    expect(errorMsg(err).id).toBe('err-login-passphrase');
  });

  it('keys from a wrong passphrase do not open the key slot in the worker', async () => {
    await (await holder('cem')).lock();
    const account = server.sent.map((b) => (typeof b === 'string' ? b : '')).find((b) => b.includes('passphrase_slot'))!;
    const { salt, passphrase_slot } = JSON.parse(account) as { salt: string; passphrase_slot: string };
    const crypto = new CryptoWorker();
    try {
      const wrong = await crypto.call({ op: 'derivePassphraseKeys', passphrase: 'not the passphrase', salt: fromBase64(salt), kdf: NEW_KDF });
      const err = await crypto.call({ op: 'openWallet', slot: fromBase64(passphrase_slot), keys: wrong.keys }).catch((e: unknown) => e);
      expect(pdeErrorCode(err)).toBe('wrong_key');
      expect(errorMsg(err).id).toBe('err-login-passphrase');
      // The right one does.
      const right = await crypto.call({ op: 'derivePassphraseKeys', passphrase: PASSPHRASE, salt: fromBase64(salt), kdf: NEW_KDF });
      await expect(crypto.call({ op: 'openWallet', slot: fromBase64(passphrase_slot), keys: right.keys })).resolves.toHaveProperty('recipient');
    } finally {
      crypto.terminate();
    }
  });
});

describe('documents through the crypto worker', () => {
  it('a document added is listed and decrypted after the next unlock; the server saw only ciphertext', async () => {
    const s = await holder('dara');
    const text = 'Attestation de domicile — rue Haute 12, 1000 Bruxelles';
    const title = 'Attestation CPAS juin';
    const content = new Blob([new TextEncoder().encode(text)], { type: 'text/plain' });
    const meta = newMetadata({ title, category: 'other', fileName: null, mime: 'text/plain', size: content.size, date: null, note: null });
    const phases = new Set<string>();
    // The wallet screen re-renders when the session says it changed.
    const told = vi.fn(() => s.docs.length);
    s.subscribe(told);
    const id = await s.add(content, meta, (phase) => phases.add(phase));
    expect([...phases].sort()).toEqual(['encrypt', 'upload']);
    expect(s.docs.map((d) => d.id)).toEqual([id]);
    expect(told).toHaveReturnedWith(1);
    await s.lock();

    const again = await unlock('dara', PASSPHRASE);
    if (again.kind !== 'holder') throw new Error('not a holder');
    expect(again.docs).toHaveLength(1);
    const entry = again.docs[0]!;
    expect(entry).toMatchObject({ id, damaged: false, meta: { title, mime: 'text/plain', size: content.size } });
    expect(await (await again.open(entry)).text()).toBe(text);

    // Neither the title nor the text went to the server in clear.
    const everything = server.sent.map((b) => (typeof b === 'string' ? b : new TextDecoder().decode(b))).join('\n');
    expect(everything).not.toContain(title);
    expect(everything).not.toContain('rue Haute');
  });

  it('a document whose metadata does not open is listed as damaged, the others still open', async () => {
    const s = await holder('eli');
    const add = (title: string) => {
      const b = new Blob([title]);
      const meta = newMetadata({ title, category: 'other', fileName: null, mime: 'text/plain', size: b.size, date: null, note: null });
      return s.add(b, meta, () => undefined);
    };
    const good = await add('good');
    const x = await add('x');
    const y = await add('y');
    await s.lock();
    // Two documents' metadata swapped on the server: neither opens with its own key.
    server.swapMetadata(x, y);
    const again = await unlock('eli', PASSPHRASE);
    if (again.kind !== 'holder') throw new Error('not a holder');
    const byId = new Map(again.docs.map((d) => [d.id, d]));
    expect(byId.get(x)).toMatchObject({ damaged: true, meta: null, handle: null });
    expect(byId.get(y)).toMatchObject({ damaged: true, meta: null, handle: null });
    expect(await (await again.open(byId.get(good)!)).text()).toBe('good');
  });
});

describe('locking', () => {
  it('ends the worker: a call after lock fails with the locked error', async () => {
    const s = await holder('fox');
    const before = await s.crypto.call({ op: 'encryptedLength', plainLength: 10 });
    expect(before.length).toBeGreaterThan(10);
    await s.lock();
    expect(s.crypto.alive).toBe(false);
    const err = await s.crypto.call({ op: 'encryptedLength', plainLength: 10 }).catch((e: unknown) => e);
    expect(pdeErrorCode(err)).toBe('locked');
    expect(errorMsg(err).id).toBe('err-locked');
    expect(s.docs).toEqual([]);
  });

  it('a call still running when the wallet locks fails with the locked error too', async () => {
    const s = await holder('gus');
    const pending = s.crypto.call({ op: 'derivePassphraseKeys', passphrase: 'x', salt: new Uint8Array(16), kdf: NEW_KDF });
    await s.lock();
    expect(pdeErrorCode(await pending.catch((e: unknown) => e))).toBe('locked');
  });
});
