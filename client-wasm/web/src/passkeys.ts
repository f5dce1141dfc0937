/**
 * The browser's side of the passkey ceremonies (docs/api.md, "Passkeys and the Settings
 * routes"): the server's options become `navigator.credentials` calls with the PRF extension
 * added here, and the credential goes back as JSON built here, without its PRF results. The
 * PRF output itself is handed to the crypto worker (its buffer transferred, so the page keeps
 * no copy) and never becomes a string.
 */
import { ApiError, type CredentialJson } from './api';
import { fromBase64 } from './base64';
import type { CryptoWorker } from './pde';

/**
 * The PRF input of every passkey made here: SHA-256 of this label (docs/formats.md, "Passkey
 * slot"; the server stores the same value per credential). Known before the prompt, so a
 * discoverable log-in asks for it with `prf.eval.first` and one touch logs in and unlocks.
 */
export const PRF_SALT_LABEL = 'PDE passkey slot PRF input v1';

let sharedSalt: Promise<Uint8Array<ArrayBuffer>> | null = null;

/** SHA-256 of PRF_SALT_LABEL. */
export function sharedPrfSalt(): Promise<Uint8Array<ArrayBuffer>> {
  sharedSalt ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(PRF_SALT_LABEL)).then((d) => new Uint8Array(d));
  return sharedSalt;
}

/** Whether `host` is an IP address (v4, or v6 in brackets): no relying party id can be one. */
export function isIpHost(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[') || host.includes(':');
}

/**
 * Whether passkeys can work here (the buttons are not shown otherwise): a browser with
 * WebAuthn, in a secure context, on an address whose host is a domain name (the server turns
 * passkeys off when its public address is an IP, docs/api.md).
 */
export function passkeysSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    typeof window.PublicKeyCredential === 'function' &&
    !!navigator.credentials &&
    !isIpHost(location.hostname)
  );
}

/** The person closed the prompt, or it timed out: nothing happened. */
export class PasskeyCancelled extends Error {
  override readonly name = 'PasskeyCancelled';
}

function b64url(bytes: ArrayBuffer | Uint8Array): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let bin = '';
  for (const b of u8) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(s: string): Uint8Array<ArrayBuffer> {
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(std + '='.repeat((4 - (std.length % 4)) % 4)) as Uint8Array<ArrayBuffer>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

type Json = Record<string, unknown>;

function descriptors(list: unknown): PublicKeyCredentialDescriptor[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return (list as Json[]).map((c) => ({
    type: 'public-key',
    id: unb64url(String(c.id)),
    ...(Array.isArray(c.transports) ? { transports: c.transports as AuthenticatorTransport[] } : {}),
  }));
}

/** `navigator.credentials.create()` options from the server's JSON, with a PRF salt. */
export function creationOptions(options: Json, prfSalt: Uint8Array<ArrayBuffer> | null): PublicKeyCredentialCreationOptions {
  const pk = options.publicKey as Json;
  const user = pk.user as Json;
  return {
    rp: pk.rp as PublicKeyCredentialRpEntity,
    user: { id: unb64url(String(user.id)), name: String(user.name), displayName: String(user.displayName) },
    challenge: unb64url(String(pk.challenge)),
    pubKeyCredParams: pk.pubKeyCredParams as PublicKeyCredentialParameters[],
    timeout: typeof pk.timeout === 'number' ? pk.timeout : undefined,
    excludeCredentials: descriptors(pk.excludeCredentials),
    authenticatorSelection: { ...(pk.authenticatorSelection as AuthenticatorSelectionCriteria), userVerification: 'required' },
    attestation: (pk.attestation as AttestationConveyancePreference | undefined) ?? 'none',
    extensions: prfSalt ? ({ prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs) : {},
  };
}

/** `navigator.credentials.get()` options from the server's JSON, with the PRF request `prf`. */
export function requestOptions(options: Json, prf: Json | null): PublicKeyCredentialRequestOptions {
  const pk = options.publicKey as Json;
  return {
    challenge: unb64url(String(pk.challenge)),
    rpId: typeof pk.rpId === 'string' ? pk.rpId : undefined,
    timeout: typeof pk.timeout === 'number' ? pk.timeout : undefined,
    allowCredentials: descriptors(pk.allowCredentials),
    userVerification: 'required',
    extensions: prf ? ({ prf } as AuthenticationExtensionsClientInputs) : {},
  };
}

/** A refused or cancelled prompt as the app tells it. */
function promptError(e: unknown): Error {
  if (e instanceof DOMException) {
    // NotAllowedError: closed, timed out, or no passkey chosen; AbortError: aborted.
    if (e.name === 'NotAllowedError' || e.name === 'AbortError') return new PasskeyCancelled(e.name);
    if (e.name === 'InvalidStateError') return new ApiError('passkey_taken', 0);
    if (e.name === 'SecurityError' || e.name === 'NotSupportedError') return new ApiError('passkeys_unavailable', 0);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * The credential as the server reads it (`PublicKeyCredential.toJSON()` form), built field
 * by field so that the PRF results are never encoded: `clientExtensionResults` stays empty.
 */
export function credentialJson(cred: PublicKeyCredential): CredentialJson {
  const r = cred.response;
  const response: Json = { clientDataJSON: b64url(r.clientDataJSON) };
  if ('attestationObject' in r) {
    const a = r as AuthenticatorAttestationResponse;
    response.attestationObject = b64url(a.attestationObject);
    response.transports = a.getTransports?.() ?? [];
  } else {
    const a = r as AuthenticatorAssertionResponse;
    response.authenticatorData = b64url(a.authenticatorData);
    response.signature = b64url(a.signature);
    if (a.userHandle) response.userHandle = b64url(a.userHandle);
  }
  return {
    id: cred.id,
    rawId: b64url(cred.rawId),
    type: cred.type,
    response,
    clientExtensionResults: {},
    ...(cred.authenticatorAttachment ? { authenticatorAttachment: cred.authenticatorAttachment } : {}),
  };
}

/** What a prompt gave: the credential's JSON and, when the authenticator evaluated the PRF, its first output. */
export interface PromptResult {
  json: CredentialJson;
  credentialId: string;
  /** The PRF output's own copy; hand it to the worker with `toWorker`, which empties this. */
  prf: PrfOutput | null;
  /** Whether the authenticator said at creation that it has a PRF. */
  prfEnabled: boolean;
}

/**
 * A PRF output on its way to the crypto worker: `take()` answers it once (its buffer is then
 * transferred by the call), and `drop()` zeroes it if it was never taken.
 */
export class PrfOutput {
  private bytes: Uint8Array<ArrayBuffer> | null;
  constructor(buffer: ArrayBuffer) {
    // A copy the page owns whole, so that transferring it leaves nothing behind.
    this.bytes = new Uint8Array(buffer.slice(0));
    new Uint8Array(buffer).fill(0);
  }
  take(): Uint8Array<ArrayBuffer> {
    const b = this.bytes;
    if (!b) throw new ApiError('damaged', 0);
    this.bytes = null;
    return b;
  }
  drop(): void {
    this.bytes?.fill(0);
    this.bytes = null;
  }
}

function prfOf(cred: PublicKeyCredential): { prf: PrfOutput | null; enabled: boolean } {
  const ext = cred.getClientExtensionResults() as { prf?: { enabled?: boolean; results?: { first?: BufferSource } } };
  const first = ext.prf?.results?.first;
  const buffer = first instanceof ArrayBuffer ? first : ArrayBuffer.isView(first) ? (first.buffer.slice(first.byteOffset, first.byteOffset + first.byteLength) as ArrayBuffer) : null;
  return { prf: buffer ? new PrfOutput(buffer) : null, enabled: ext.prf?.enabled === true || buffer !== null };
}

export async function createCredential(options: PublicKeyCredentialCreationOptions): Promise<PromptResult> {
  let cred: PublicKeyCredential;
  try {
    cred = (await navigator.credentials.create({ publicKey: options })) as PublicKeyCredential;
  } catch (e) {
    const err = promptError(e);
    // Some authenticators (Windows Hello) refuse a creation that asks for a PRF: once more without.
    if (err instanceof PasskeyCancelled || !options.extensions || !('prf' in options.extensions)) throw err;
    try {
      cred = (await navigator.credentials.create({ publicKey: { ...options, extensions: {} } })) as PublicKeyCredential;
    } catch (e2) {
      throw promptError(e2);
    }
  }
  const { prf, enabled } = prfOf(cred);
  return { json: credentialJson(cred), credentialId: cred.id, prf, prfEnabled: enabled };
}

export async function getCredential(options: PublicKeyCredentialRequestOptions): Promise<PromptResult> {
  let cred: PublicKeyCredential;
  try {
    cred = (await navigator.credentials.get({ publicKey: options })) as PublicKeyCredential;
  } catch (e) {
    throw promptError(e);
  }
  const { prf, enabled } = prfOf(cred);
  return { json: credentialJson(cred), credentialId: cred.id, prf, prfEnabled: enabled };
}

/**
 * The PRF output of credential `credentialId` for `salt`, by a second prompt limited to it
 * (a passkey made with a salt of its own before the salt was shared; a new passkey whose
 * authenticator evaluates the PRF only at log-in). Its challenge is checked by nobody: only
 * the PRF output is used.
 */
export async function evaluatePrf(credentialId: string, salt: Uint8Array<ArrayBuffer>): Promise<PrfOutput | null> {
  const got = await getCredential({
    challenge: crypto.getRandomValues(new Uint8Array(32)),
    allowCredentials: [{ type: 'public-key', id: unb64url(credentialId) }],
    userVerification: 'required',
    extensions: { prf: { evalByCredential: { [credentialId]: { first: salt } } } } as AuthenticationExtensionsClientInputs,
  });
  return got.prf;
}

/** The PRF output for the stored salt `saltB64` of the credential that just answered. */
export async function prfFor(result: PromptResult, saltB64: string): Promise<PrfOutput | null> {
  const salt = fromBase64(saltB64) as Uint8Array<ArrayBuffer>;
  if (result.prf && sameBytes(salt, await sharedPrfSalt())) return result.prf;
  result.prf?.drop();
  return evaluatePrf(result.credentialId, salt);
}

/** Opens the wallet in `crypto` with a passkey slot and a PRF output (transferred). */
export async function openSlot(crypto: CryptoWorker, slot: Uint8Array, prf: PrfOutput): Promise<void> {
  const prfOutput = prf.take();
  await crypto.call({ op: 'openWithPasskey', slot, prfOutput }, [prfOutput.buffer]);
}

/** Seals the open wallet of `crypto` to a PRF output (transferred). */
export async function sealSlot(crypto: CryptoWorker, prf: PrfOutput): Promise<Uint8Array> {
  const prfOutput = prf.take();
  return (await crypto.call({ op: 'sealPasskeySlot', prfOutput }, [prfOutput.buffer])).slot;
}
