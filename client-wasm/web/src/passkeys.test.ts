import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRF_SALT_LABEL, PrfOutput, credentialJson, isIpHost, requestOptions, sharedPrfSalt } from './passkeys';
import { waysReducer } from './settings-access';

/** A credential as the browser answers it, with a PRF output among its extension results. */
function fakeAssertion(prf: Uint8Array) {
  const bytes = (n: number, v: number) => new Uint8Array(n).fill(v).buffer;
  return {
    id: 'AQID',
    rawId: new Uint8Array([1, 2, 3]).buffer,
    type: 'public-key',
    authenticatorAttachment: 'platform',
    response: { clientDataJSON: bytes(10, 7), authenticatorData: bytes(37, 8), signature: bytes(64, 9), userHandle: bytes(16, 5) },
    getClientExtensionResults: () => ({ prf: { enabled: true, results: { first: prf.buffer } } }),
  } as unknown as PublicKeyCredential;
}

describe('passkeys', () => {
  it('uses one documented PRF salt, SHA-256 of its label, the one the server stores', async () => {
    const salt = await sharedPrfSalt();
    expect(Buffer.from(salt).toString('hex')).toBe(createHash('sha256').update(PRF_SALT_LABEL).digest('hex'));
    expect(Buffer.from(salt).toString('hex')).toBe('bd3ae1ab0d0565692b5af6c326baf851ea4d996daeea59005e32def5999d7cb2');
  });

  it('builds the credential JSON without its PRF results', () => {
    const prf = new Uint8Array(32).fill(0xab);
    const json = credentialJson(fakeAssertion(prf));
    expect(json.clientExtensionResults).toEqual({});
    const text = JSON.stringify(json);
    expect(text).not.toContain(Buffer.from(prf).toString('base64').slice(0, 20));
    expect(text).not.toContain(Buffer.from(prf).toString('base64url').slice(0, 20));
    expect(json.rawId).toBe('AQID');
    expect((json.response as Record<string, string>).signature).toBe(Buffer.alloc(64, 9).toString('base64url'));
  });

  it('asks for the PRF on the salt in the log-in prompt, with user verification', async () => {
    const salt = await sharedPrfSalt();
    const o = requestOptions({ publicKey: { challenge: 'AAEC', rpId: 'pde.example', allowCredentials: [] } }, { eval: { first: salt } });
    expect(o.userVerification).toBe('required');
    expect(new Uint8Array(o.challenge as ArrayBuffer)).toEqual(new Uint8Array([0, 1, 2]));
    expect((o.extensions as { prf: { eval: { first: Uint8Array } } }).prf.eval.first).toBe(salt);
  });

  it('hands a PRF output over once and zeroes what the browser gave', () => {
    const given = new Uint8Array(32).fill(3);
    const out = new PrfOutput(given.buffer);
    expect(given.every((b) => b === 0)).toBe(true);
    expect(out.take().every((b) => b === 3)).toBe(true);
    expect(() => out.take()).toThrow();
  });

  it('offers passkeys on domain names only', () => {
    expect(isIpHost('127.0.0.1')).toBe(true);
    expect(isIpHost('[::1]')).toBe(true);
    expect(isIpHost('localhost')).toBe(false);
    expect(isIpHost('pde.example')).toBe(false);
  });

  it('shows a new recovery sheet before saying it is done', () => {
    const sheet = waysReducer({ kind: 'list' }, { type: 'show', view: { kind: 'sheet', code: 'X' } });
    expect(sheet).toEqual({ kind: 'sheet', code: 'X' });
    expect(waysReducer(sheet, { type: 'sheetKept', endedOthers: true })).toEqual({ kind: 'done', message: 'ways-recovery-changed', endedOthers: true });
    expect(waysReducer({ kind: 'list' }, { type: 'sheetKept', endedOthers: true })).toEqual({ kind: 'list' });
  });
});
