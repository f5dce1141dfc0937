/**
 * The trusted-helper operations of the crypto worker (crypto.worker.ts) over the real built
 * WASM module: a holder's set, a worker's re-encryption, and the recovering browser's cards.
 */
import '@vitest/web-worker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CryptoWorker } from '../crypto-client';
import { FakeServer } from '../testing/fake-server';

vi.setConfig({ testTimeout: 120_000 });

const workers: CryptoWorker[] = [];
function worker(): CryptoWorker {
  const w = new CryptoWorker();
  workers.push(w);
  return w;
}

beforeEach(() => {
  // The worker loads its WASM module with fetch: the in-memory server answers it.
  vi.stubGlobal('fetch', new FakeServer().fetch);
  if (typeof navigator === 'undefined') vi.stubGlobal('navigator', {});
  if (typeof location === 'undefined') vi.stubGlobal('location', new URL('http://pde.test/'));
});

afterEach(() => {
  for (const w of workers.splice(0)) w.terminate();
  vi.unstubAllGlobals();
});

/** One character of a card's data part changed (not its prefix). */
function typo(text: string): string {
  const at = text.length - 8;
  return text.slice(0, at) + (text[at] === 'Q' ? 'P' : 'Q') + text.slice(at + 1);
}

describe('trusted helpers in the crypto worker', () => {
  it('a set of 3 gives cards the recovering worker reads, and a share the worker re-seals to the request', async () => {
    const holder = worker();
    await holder.call({ op: 'createWallet' });
    const made = await holder.call({ op: 'helperSetup', threshold: 2, helpers: 3 });
    expect(made.serverPart).toHaveLength(32);
    expect(made.authKey).toHaveLength(32);
    const card = await holder.call({ op: 'helperCard', setup: made.setup, index: 2 });
    expect(card.text).toMatch(/^PDEHE LPER1( [0-9A-Z]{1,5})+$/);
    const helper = worker();
    const { recipient: helperRecipient } = await helper.call({ op: 'createWallet' });
    const { share } = await holder.call({ op: 'helperShareFor', setup: made.setup, index: 0, recipient: helperRecipient });
    await holder.call({ op: 'freeHelperSetup', setup: made.setup });
    await expect(holder.call({ op: 'helperCard', setup: made.setup, index: 1 })).rejects.toMatchObject({ code: 'invalid_input' });

    const recovering = worker();
    const request = await recovering.call({ op: 'helpStart' });
    expect(request.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The worker's browser computes the code itself from the recipient it is handed.
    expect((await helper.call({ op: 'helpRequestCode', recipient: request.recipient })).code).toBe(request.code);
    const resealed = await helper.call({ op: 'resealHelperShare', share, recipient: request.recipient });
    expect(resealed.share.length).toBeGreaterThan(32);
    // Only the helper the share was sealed to can re-seal it.
    await expect(holder.call({ op: 'resealHelperShare', share, recipient: request.recipient })).rejects.toBeTruthy();

    // Cards typed on the recovering screen: a typo, something else, then the card in lower case.
    expect(await recovering.call({ op: 'helpAddCard', text: typo(card.text) })).toEqual({ invalid: 'mistyped' });
    expect(await recovering.call({ op: 'helpAddCard', text: card.text.slice(0, -3) })).toMatchObject({ invalid: expect.any(String) });
    expect(await recovering.call({ op: 'helpAddCard', text: 'hello' })).toEqual({ invalid: 'invalid' });
    const added = await recovering.call({ op: 'helpAddCard', text: card.text.toLowerCase() });
    expect('authKey' in added && [...added.authKey]).toEqual([...card.authKey]);
  });
});
