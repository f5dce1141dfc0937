/** Sign-up, log-in and passphrase change: the sequence of docs/api.md and docs/wasm-api.md. */
import { api, ApiError, type Account, type DocumentList, type Kdf, type NewWallet, type Proof } from './api';
import { fromBase64, toBase64 } from './base64';
import { NEW_KDF, takeCrypto, warmCrypto, type CryptoWorker } from './pde';
import { canonicalPassphrase, loginCandidates } from './passphrase-text';
import { PasskeyCancelled, createCredential, creationOptions, getCredential, openSlot, prfFor, requestOptions, sealSlot, sharedPrfSalt, type PromptResult } from './passkeys';
import { Session } from './session';
import { WorkerSession } from './shared';

export function normalizePseudonym(p: string): string {
  return p.normalize('NFC').trim();
}

/** A new recovery code, made in the crypto worker (it is shown once, on the recovery sheet). */
export async function newRecoveryCode(): Promise<string> {
  return (await warmCrypto().call({ op: 'generateRecoveryCode' })).code;
}

/** Whether `kdf` costs at least what new wallets are made with (the crypto module's floor too). */
export function atLeastNewKdf(kdf: Kdf): boolean {
  return kdf.alg === NEW_KDF.alg && kdf.m_kib >= NEW_KDF.m_kib && kdf.t >= NEW_KDF.t && kdf.p >= NEW_KDF.p;
}

/** An open account: a holder's wallet or a worker's. */
export type OpenSession = Session | WorkerSession;

/** Runs `f` with fresh slot keys in the worker, and frees them there afterwards. */
async function withKeys<T>(
  crypto: CryptoWorker,
  derive: Promise<{ keys: number; authKey: Uint8Array }>,
  f: (keys: number, authKey: Uint8Array) => Promise<T>,
): Promise<T> {
  const { keys, authKey } = await derive;
  try {
    return await f(keys, authKey);
  } finally {
    void crypto.call({ op: 'freeKeys', keys }).catch(() => undefined);
  }
}

/**
 * A new wallet identity W with its passphrase and recovery slots: what both sign-ups send.
 * W stays in `crypto`, the caller's worker.
 */
async function newWallet(crypto: CryptoWorker, passphrase: string, recoveryCode: string): Promise<NewWallet> {
  const { recipient } = await crypto.call({ op: 'createWallet' });
  const { salt } = await crypto.call({ op: 'randomSalt' });
  const kdf: Kdf = { ...NEW_KDF };
  const pass = crypto.call({ op: 'derivePassphraseKeys', passphrase: canonicalPassphrase(passphrase), salt, kdf });
  return withKeys(crypto, pass, (passKeys, passAuth) =>
    withKeys(crypto, crypto.call({ op: 'deriveRecoveryKeys', code: recoveryCode }), async (recKeys, recAuth) => ({
      recipient,
      salt: toBase64(salt),
      kdf,
      passphrase_auth: toBase64(passAuth),
      passphrase_slot: toBase64((await crypto.call({ op: 'sealSlot', keys: passKeys })).slot),
      recovery_auth: toBase64(recAuth),
      recovery_slot: toBase64((await crypto.call({ op: 'sealSlot', keys: recKeys })).slot),
    })),
  );
}

/** Sends a new wallet with `send`; ends the worker if anything fails. */
async function signUp(passphrase: string, recoveryCode: string, send: (body: NewWallet) => Promise<unknown>): Promise<CryptoWorker> {
  return (await signUpWith(passphrase, recoveryCode, send)).crypto;
}

async function signUpWith(
  passphrase: string,
  recoveryCode: string,
  send: (body: NewWallet) => Promise<unknown>,
): Promise<{ crypto: CryptoWorker; passphraseAuth: string }> {
  const crypto = takeCrypto();
  try {
    const body = await newWallet(crypto, passphrase, recoveryCode);
    await send(body);
    return { crypto, passphraseAuth: body.passphrase_auth };
  } catch (e) {
    crypto.terminate();
    throw e;
  }
}

/** Creates a holder's account; the browser keeps the new wallet open. */
export async function createAccount(pseudonym: string, passphrase: string, recoveryCode: string): Promise<Session> {
  const crypto = await signUp(passphrase, recoveryCode, (body) => api.createAccount({ ...body, pseudonym }));
  const session = new Session(crypto, pseudonym);
  await session.refresh();
  return session;
}

/** Creates a worker's account with a one-time invitation (docs/sharing.md). */
export async function joinAsWorker(
  invitation: string,
  realName: string,
  pseudonym: string,
  passphrase: string,
  recoveryCode: string,
): Promise<WorkerSession> {
  const join = () => signUp(passphrase, recoveryCode, (body) => api.createWorker({ ...body, invitation, real_name: realName, pseudonym }));
  // The card code derives from the new wallet key; in the rare case another worker's key
  // gives the same code, a new key does not.
  const crypto = await join().catch((e: unknown) => {
    if (e instanceof ApiError && e.code === 'worker_code_taken') return join();
    throw e;
  });
  const session = await sessionFor(crypto, pseudonym);
  if (session.kind !== 'worker') {
    await session.lock();
    throw new ApiError('internal', 0);
  }
  return session;
}

/**
 * What the wallet's first screen needs from the server, asked for as soon as the log-in has
 * succeeded, so the round trips run while the worker opens the wallet. The list is asked for
 * before the account says whether it is a holder's; a worker's session does not read it.
 */
interface Prefetched {
  account: Promise<Account>;
  documents: Promise<DocumentList>;
}

function prefetch(): Prefetched {
  const fetched = { account: api.account(), documents: api.documents() };
  // Each is awaited (or, for a worker's list, not needed) in sessionFor.
  fetched.account.catch(() => undefined);
  fetched.documents.catch(() => undefined);
  return fetched;
}

/** The session of a wallet just opened: a holder's or a worker's, as the account says. */
async function sessionFor(crypto: CryptoWorker, pseudonym: string, fetched?: Prefetched): Promise<OpenSession> {
  try {
    const account = await (fetched?.account ?? api.account());
    if (account.kind === 'worker' && account.worker) {
      const worker = new WorkerSession(crypto, pseudonym, account.worker);
      await worker.refresh();
      return worker;
    }
    const session = new Session(crypto, pseudonym);
    await session.refresh(account, fetched?.documents);
    return session;
  } catch (e) {
    crypto.terminate();
    throw e;
  }
}

export async function openWithPassphrase(pseudonym: string, passphrase: string): Promise<OpenSession> {
  const crypto = takeCrypto();
  let fetched: Prefetched | undefined;
  try {
    // Argon2id's memory is allocated during the round trip (nothing when the passphrase
    // field's focus has done it already, see prepareKdf).
    void crypto.call({ op: 'reserveKdfMemory', kdf: NEW_KDF }).catch(() => undefined);
    const { salt, kdf } = await api.params(pseudonym);
    // A server that asks for less work than wallets are made with would get an auth key that
    // is cheaper to guess the passphrase from: refuse before deriving anything.
    if (!atLeastNewKdf(kdf)) throw new ApiError('weak_kdf', 0);
    // The canonical form first, then the text as typed (docs/formats.md, "Passphrase slot").
    const candidates = loginCandidates(passphrase);
    for (let i = 0; ; i++) {
      const derive = crypto.call({ op: 'derivePassphraseKeys', passphrase: candidates[i]!, salt: fromBase64(salt), kdf });
      const opened = await withKeys(crypto, derive, async (keys, authKey) => {
        try {
          const { slot } = await api.login(pseudonym, 'passphrase', toBase64(authKey));
          fetched = prefetch();
          await crypto.call({ op: 'openWallet', slot: fromBase64(slot), keys });
          return true;
        } catch (e) {
          if (i + 1 < candidates.length && e instanceof ApiError && e.code === 'invalid_credentials') return false;
          throw e;
        }
      });
      if (opened) break;
    }
  } catch (e) {
    crypto.terminate();
    throw e;
  }
  return sessionFor(crypto, pseudonym, fetched);
}

export async function openWithRecoveryCode(pseudonym: string, code: string): Promise<OpenSession> {
  const crypto = takeCrypto();
  try {
    await withKeys(crypto, crypto.call({ op: 'deriveRecoveryKeys', code }), async (keys, authKey) => {
      const { slot } = await api.login(pseudonym, 'recovery', toBase64(authKey));
      await crypto.call({ op: 'openWallet', slot: fromBase64(slot), keys });
    });
  } catch (e) {
    crypto.terminate();
    throw e;
  }
  return sessionFor(crypto, pseudonym);
}

/**
 * Replaces the passphrase slot (after a recovery log-in, or with `currentAuth`, the current
 * passphrase's auth key); `endOtherSessions` asks the server to end the account's other open
 * sessions.
 */
export async function setNewPassphrase(session: OpenSession, passphrase: string, endOtherSessions: boolean, currentAuth?: string): Promise<void> {
  const crypto = session.crypto;
  // The account's own salt and parameters are kept (docs/api.md, "Limited view"): a second
  // passphrase, derived with them, keeps opening the limited view, and in a limited view the
  // server accepts no other. Parameters below the current defaults are raised with a new salt.
  const current = await api.params(session.pseudonym);
  const keep = atLeastNewKdf(current.kdf);
  const salt = keep ? fromBase64(current.salt) : (await crypto.call({ op: 'randomSalt' })).salt;
  const kdf: Kdf = keep ? { ...current.kdf } : { ...NEW_KDF };
  const derive = crypto.call({ op: 'derivePassphraseKeys', passphrase: canonicalPassphrase(passphrase), salt, kdf });
  await withKeys(crypto, derive, async (keys, authKey) => {
    const { slot } = await crypto.call({ op: 'sealSlot', keys });
    await api.setPassphrase({
      ...(currentAuth ? { current_auth: currentAuth } : {}),
      salt: toBase64(salt),
      kdf,
      passphrase_auth: toBase64(authKey),
      passphrase_slot: toBase64(slot),
      end_other_sessions: endOtherSessions,
    });
  });
}

/** Groups of a recovery code in display form ("ABCD-EFGH-…"). */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean);
}

/** What proves a wallet's deletion: the passphrase or the recovery code, typed again. */
export type DeletionProof = { method: 'passphrase'; passphrase: string } | { method: 'recovery'; code: string };

/** Whether `typed` is the pseudonym of the wallet, compared as the server does (after trimming, ignoring case). */
export function samePseudonym(typed: string, pseudonym: string): boolean {
  return normalizePseudonym(typed).toLowerCase() === normalizePseudonym(pseudonym).toLowerCase();
}

/**
 * Deletes the open wallet on the server (docs/api.md, `DELETE /api/v1/account`): the auth key
 * of the proof is derived in the wallet's crypto worker, like a log-in. The caller then locks
 * the session.
 */
export async function deleteWallet(session: Session, typedPseudonym: string, proof: DeletionProof): Promise<void> {
  const crypto = session.crypto;
  const pseudonym = normalizePseudonym(typedPseudonym);
  if (proof.method === 'recovery') {
    await withKeys(crypto, crypto.call({ op: 'deriveRecoveryKeys', code: proof.code }), (_keys, authKey) =>
      api.deleteAccount({ pseudonym, method: 'recovery', auth_key: toBase64(authKey) }),
    );
    return;
  }
  const { salt, kdf } = await api.params(session.pseudonym);
  // The canonical form first, then the text as typed, as at log-in.
  const candidates = loginCandidates(proof.passphrase);
  for (let i = 0; ; i++) {
    const derive = crypto.call({ op: 'derivePassphraseKeys', passphrase: candidates[i]!, salt: fromBase64(salt), kdf });
    const done = await withKeys(crypto, derive, async (_keys, authKey) => {
      try {
        await api.deleteAccount({ pseudonym, method: 'passphrase', auth_key: toBase64(authKey) });
        return true;
      } catch (e) {
        if (i + 1 < candidates.length && e instanceof ApiError && e.code === 'invalid_credentials') return false;
        throw e;
      }
    });
    if (done) return;
  }
}

// ---- passkeys and the other ways in (docs/api.md, "Passkeys and the Settings routes") ----

/** What "Open with a passkey" gave: the open wallet, or a log-in whose passkey cannot unlock. */
export type PasskeyOpening =
  | { kind: 'open'; session: OpenSession }
  /** Logged in; the passphrase (or recovery code) must unlock: the passkey has no PRF here. */
  | { kind: 'passphrase'; pseudonym: string; workerAccount: boolean };

/**
 * Log-in with a discoverable passkey, no pseudonym typed. The prompt asks for the PRF on the
 * shared salt, so one touch logs in and unlocks; a passkey made with a salt of its own gets a
 * second prompt limited to it.
 */
export async function openWithPasskey(): Promise<PasskeyOpening> {
  const crypto = takeCrypto();
  let prompt: PromptResult | null = null;
  let loggedIn = false;
  try {
    const start = await api.passkeyLoginStart();
    const salt = await sharedPrfSalt();
    prompt = await getCredential(requestOptions(start.options as Record<string, unknown>, { eval: { first: salt } }));
    const answer = await api.passkeyLoginFinish({ ceremony: start.ceremony, credential: prompt.json });
    loggedIn = true;
    const account = await api.account();
    const prf = answer.slot ? await prfFor(prompt, answer.prf_salt) : null;
    prompt = null;
    if (!answer.slot || !prf) {
      crypto.terminate();
      return { kind: 'passphrase', pseudonym: account.pseudonym, workerAccount: account.kind === 'worker' };
    }
    await openSlot(crypto, fromBase64(answer.slot), prf);
    return { kind: 'open', session: await sessionFor(crypto, account.pseudonym) };
  } catch (e) {
    prompt?.prf?.drop();
    crypto.terminate();
    // Logged in but not unlocked (the second prompt closed, a damaged slot): end the session.
    if (loggedIn) await api.logout().catch(() => undefined);
    throw e;
  }
}

/** Ends the session of a passkey that logged in but did not unlock (the person went back). */
export async function dropPasskeyLogin(): Promise<void> {
  await api.logout().catch(() => undefined);
}

/** A name for a new passkey, from the device it is made on (the person can rename it). */
export function defaultPasskeyName(): string {
  const ua = navigator.userAgent;
  if (/Android/i.test(ua)) return 'Android';
  if (/iPhone|iPad/i.test(ua)) return 'iPhone';
  if (/Windows/i.test(ua)) return 'Windows';
  if (/Mac OS/i.test(ua)) return 'Mac';
  if (/CrOS/i.test(ua)) return 'Chromebook';
  if (/Linux/i.test(ua)) return 'Linux';
  return 'Passkey';
}

/**
 * Registers a passkey for the open account with `proof` and seals its slot when the
 * authenticator has a PRF. Answers whether the new passkey unlocks.
 */
export async function addPasskey(session: OpenSession, proof: Proof | null, name: string): Promise<boolean> {
  const start = await api.passkeyRegisterStart(proof);
  const salt = fromBase64(start.prf_salt) as Uint8Array<ArrayBuffer>;
  const made = await createCredential(creationOptions(start.options as Record<string, unknown>, salt));
  let slot: string | undefined;
  try {
    // An authenticator with a PRF that answers it only at log-in: one prompt more, now.
    const prf = made.prf ?? (made.prfEnabled ? await prfFor({ ...made, prf: null }, start.prf_salt).catch(() => null) : null);
    if (prf) slot = toBase64(await sealSlot(session.crypto, prf));
  } finally {
    made.prf?.drop();
  }
  await api.passkeyRegisterFinish({ ceremony: start.ceremony, credential: made.json, name, ...(slot ? { slot } : {}) });
  return slot !== undefined;
}

/**
 * A new wallet whose way in is this device's passkey. The server keeps a passphrase slot for
 * every account: it is made with a random passphrase nobody sees (the person may choose one
 * later in Settings), and its auth key is the proof that adds the passkey. Answers the open
 * session, whether the passkey unlocks, and that auth key (to set a real passphrase when the
 * passkey cannot unlock).
 */
export async function createAccountWithPasskey(
  pseudonym: string,
  recoveryCode: string,
): Promise<{ session: Session; unlocks: boolean; passphraseAuth: string }> {
  const hidden = toBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const { crypto, passphraseAuth } = await signUpWith(hidden, recoveryCode, (body) => api.createAccount({ ...body, pseudonym }));
  const session = new Session(crypto, pseudonym);
  try {
    const unlocks = await addPasskey(session, { method: 'passphrase', auth_key: passphraseAuth }, defaultPasskeyName());
    await session.refresh();
    return { session, unlocks, passphraseAuth };
  } catch (e) {
    // The account exists but has no way in the person knows: delete it, so the name is free.
    await api.deleteAccount({ pseudonym, method: 'passphrase', auth_key: passphraseAuth }).catch(() => undefined);
    await session.lock();
    throw e;
  }
}

/** What the person gives to prove it is them before a change to the ways in. */
export type OwnerProof = { method: 'passphrase'; passphrase: string } | { method: 'recovery'; code: string } | { method: 'passkey' };

/**
 * Turns `proof` into the server's form: a passphrase or recovery auth key (derived in the
 * session's worker), or a passkey confirmation (a prompt limited to the account's passkeys).
 * `send` gets it; a passphrase is tried in its canonical form first, as at log-in.
 */
export async function withProof<T>(session: OpenSession, proof: OwnerProof, send: (p: Proof) => Promise<T>): Promise<T> {
  const crypto = session.crypto;
  if (proof.method === 'recovery') {
    return withKeys(crypto, crypto.call({ op: 'deriveRecoveryKeys', code: proof.code }), (_k, authKey) =>
      send({ method: 'recovery', auth_key: toBase64(authKey) }),
    );
  }
  if (proof.method === 'passkey') {
    const start = await api.passkeyConfirmStart();
    const got = await getCredential(requestOptions(start.options as Record<string, unknown>, null));
    got.prf?.drop();
    return send({ method: 'passkey', ceremony: start.ceremony, credential: got.json });
  }
  const { salt, kdf } = await api.params(session.pseudonym);
  if (!atLeastNewKdf(kdf)) throw new ApiError('weak_kdf', 0);
  const candidates = loginCandidates(proof.passphrase);
  for (let i = 0; ; i++) {
    const derive = crypto.call({ op: 'derivePassphraseKeys', passphrase: candidates[i]!, salt: fromBase64(salt), kdf });
    const done = await withKeys(crypto, derive, async (_k, authKey) => {
      try {
        return { value: await send({ method: 'passphrase', auth_key: toBase64(authKey) }) };
      } catch (e) {
        if (i + 1 < candidates.length && e instanceof ApiError && e.code === 'invalid_credentials') return null;
        throw e;
      }
    });
    if (done) return done.value;
  }
}

/** A new recovery code: the old one stops working at once. Answers the new code, for its sheet. */
export async function makeNewRecoveryCode(session: OpenSession, proof: OwnerProof, endOtherSessions: boolean): Promise<string> {
  const crypto = session.crypto;
  const { code } = await crypto.call({ op: 'generateRecoveryCode' });
  await withKeys(crypto, crypto.call({ op: 'deriveRecoveryKeys', code }), async (keys, authKey) => {
    const { slot } = await crypto.call({ op: 'sealSlot', keys });
    await withProof(session, proof, (p) =>
      api.newRecovery({ proof: p, recovery_auth: toBase64(authKey), recovery_slot: toBase64(slot), end_other_sessions: endOtherSessions }),
    );
  });
  return code;
}

/** Changes the passphrase, given the current one. */
export async function changePassphrase(session: OpenSession, current: string, next: string, endOtherSessions: boolean): Promise<void> {
  await withProof(session, { method: 'passphrase', passphrase: current }, async (p) => {
    if (p.method !== 'passphrase') throw new ApiError('internal', 0);
    await setNewPassphrase(session, next, endOtherSessions, p.auth_key);
  });
}

export { PasskeyCancelled };
