import { describe, expect, it } from 'vitest';
import type { Account, DocumentList } from './api';
import type { CryptoWorker } from './pde';
import { FIRST_BATCH, REST_BATCH, Session } from './session';

/**
 * A stand-in for the crypto worker that answers `openDocuments` only when the test says so,
 * so the test sees what the page has asked for while the worker is still busy.
 */
function slowCrypto() {
  const waiting: { count: number; answer: () => void }[] = [];
  let doc = 0;
  const crypto = {
    onLost: () => () => undefined,
    terminate: () => undefined,
    call: (req: { op: string; items?: { metadata: Uint8Array }[] }) => {
      if (req.op !== 'openDocuments') return Promise.resolve({});
      const items = req.items!;
      return new Promise((resolve) => {
        waiting.push({
          count: items.length,
          answer: () =>
            resolve({
              opened: items.map((it) => ({
                doc: ++doc,
                // The test's "ciphertext" is the metadata JSON itself.
                metadataJson: new TextDecoder().decode(it.metadata),
              })),
            }),
        });
      });
    },
  };
  return { crypto: crypto as unknown as CryptoWorker, waiting };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

function list(n: number): DocumentList {
  return {
    documents: Array.from({ length: n }, (_, i) => ({
      id: `d${i}`,
      created_at: 1_000 + i,
      size: 100,
      envelope: b64('envelope'),
      metadata: b64(JSON.stringify({ v: 1, title: `Document ${i}`, size: 10, mime: 'text/plain', category: 'other' })),
    })),
  } as DocumentList;
}

const account = { usage: { used_bytes: 0, quota_bytes: 1, max_document_bytes: 1 } } as unknown as Account;

describe('Session.refresh', () => {
  it('hands every batch of a long list to the worker at once, and shows the newest first', async () => {
    const { crypto, waiting } = slowCrypto();
    const session = new Session(crypto, 'someone');
    const refreshed = session.refresh(account, Promise.resolve(list(200)));
    await new Promise((r) => setTimeout(r, 0));
    // The worker has all of it to do before it has answered anything: it never waits for
    // the page to show a batch before it gets the next.
    const counts = waiting.map((w) => w.count);
    expect(counts[0]).toBe(FIRST_BATCH);
    expect(counts.slice(1).every((n) => n <= REST_BATCH)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    waiting[0]!.answer();
    await refreshed;
    const shown = () => session.docs.filter((d) => !d.pending);
    // The first answer holds the newest documents (the screen shows them first).
    expect(new Set(shown().map((d) => d.id))).toEqual(new Set(Array.from({ length: FIRST_BATCH }, (_, i) => `d${199 - i}`)));
    for (const w of waiting.slice(1)) w.answer();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown()).toHaveLength(200);
    expect(session.docs.find((d) => d.id === 'd0')?.meta?.title).toBe('Document 0');
  });
});
