import { describe, expect, it } from 'vitest';
import { Calls, PdeError, WORKER_LOST, pdeErrorCode, transferables, type FromWorker } from './crypto-protocol';

describe('the crypto message bookkeeping', () => {
  it('gives each call its own id and settles each with its own reply, in any order', async () => {
    const calls = new Calls();
    const a = calls.start({ op: 'encryptedLength', plainLength: 1 });
    const b = calls.start({ op: 'generateRecoveryCode' });
    expect(a.message.kind).toBe('call');
    const ida = a.message.kind === 'call' ? a.message.id : -1;
    const idb = b.message.kind === 'call' ? b.message.id : -1;
    expect(ida).not.toBe(idb);
    calls.settle({ kind: 'reply', id: idb, ok: true, res: { code: 'ABCD' } });
    calls.settle({ kind: 'reply', id: ida, ok: true, res: { length: 400 } });
    expect(await a.reply).toEqual({ length: 400 });
    expect(await b.reply).toEqual({ code: 'ABCD' });
    expect(calls.waiting).toBe(0);
  });

  it('turns an error reply into a PdeError with the crypto code', async () => {
    const calls = new Calls();
    const c = calls.start({ op: 'decryptNote', ciphertext: new Uint8Array(3) });
    const id = c.message.kind === 'call' ? c.message.id : -1;
    calls.settle({ kind: 'reply', id, ok: false, code: 'damaged', message: 'damaged' });
    const e = await c.reply.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PdeError);
    expect(pdeErrorCode(e)).toBe('damaged');
  });

  it('ignores a reply to no pending call, and a second reply to the same one', async () => {
    const calls = new Calls();
    const c = calls.start({ op: 'randomSalt' });
    const id = c.message.kind === 'call' ? c.message.id : -1;
    const stray: FromWorker = { kind: 'reply', id: id + 100, ok: true, res: {} };
    calls.settle(stray);
    expect(calls.waiting).toBe(1);
    calls.settle({ kind: 'reply', id, ok: true, res: { salt: new Uint8Array([1]) } });
    calls.settle({ kind: 'reply', id, ok: false, code: 'damaged', message: '' });
    expect(await c.reply).toEqual({ salt: new Uint8Array([1]) });
  });

  it('fails every pending call and every later one once the worker is lost', async () => {
    const calls = new Calls();
    const pending = calls.start({ op: 'randomSalt' });
    calls.end(WORKER_LOST);
    expect(pdeErrorCode(await pending.reply.catch((x: unknown) => x))).toBe(WORKER_LOST);
    const later = calls.start({ op: 'randomSalt' });
    expect(pdeErrorCode(await later.reply.catch((x: unknown) => x))).toBe(WORKER_LOST);
    // The first reason stays: a terminate() after the loss does not rename it.
    calls.end('locked');
    expect(calls.endedWith).toBe(WORKER_LOST);
    expect(calls.waiting).toBe(0);
  });

  it('transfers the buffers a reply owns whole, never one shared with other data', () => {
    const own = new Uint8Array(8);
    const backing = new ArrayBuffer(16);
    const view = new Uint8Array(backing, 4, 4);
    const list = [new Uint8Array(2), new Uint8Array(3)];
    const found = transferables({ out: own, part: view, envelopes: list, text: 'x' });
    expect(found).toContain(own.buffer);
    expect(found).not.toContain(backing);
    expect(found).toContain(list[0]!.buffer);
    expect(found).toContain(list[1]!.buffer);
    expect(found).toHaveLength(3);
  });
});
