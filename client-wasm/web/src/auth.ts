/** Sign-up, log-in and passphrase change: the sequence of docs/api.md and docs/wasm-api.md. */
import { api, ApiError, type Kdf, type NewWallet } from './api';
import { fromBase64, toBase64 } from './base64';
import { NEW_KDF, takeCrypto, warmCrypto, type CryptoWorker } from './pde';
import { canonicalPassphrase, loginCandidates } from './passphrase-text';
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
  const crypto = takeCrypto();
  try {
    await send(await newWallet(crypto, passphrase, recoveryCode));
  } catch (e) {
    crypto.terminate();
    throw e;
  }
  return crypto;
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

/** The session of a wallet just opened: a holder's or a worker's, as the account says. */
async function sessionFor(crypto: CryptoWorker, pseudonym: string): Promise<OpenSession> {
  try {
    const account = await api.account();
    if (account.kind === 'worker' && account.worker) {
      const worker = new WorkerSession(crypto, pseudonym, account.worker);
      await worker.refresh();
      return worker;
    }
    const session = new Session(crypto, pseudonym);
    await session.refresh(account);
    return session;
  } catch (e) {
    crypto.terminate();
    throw e;
  }
}

export async function openWithPassphrase(pseudonym: string, passphrase: string): Promise<OpenSession> {
  const crypto = takeCrypto();
  try {
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
  return sessionFor(crypto, pseudonym);
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
 * Replaces the passphrase slot (after a recovery log-in); `endOtherSessions` asks the server
 * to end the account's other open sessions.
 */
export async function setNewPassphrase(session: OpenSession, passphrase: string, endOtherSessions: boolean): Promise<void> {
  const crypto = session.crypto;
  const { salt } = await crypto.call({ op: 'randomSalt' });
  const kdf: Kdf = { ...NEW_KDF };
  const derive = crypto.call({ op: 'derivePassphraseKeys', passphrase: canonicalPassphrase(passphrase), salt, kdf });
  await withKeys(crypto, derive, async (keys, authKey) => {
    const { slot } = await crypto.call({ op: 'sealSlot', keys });
    await api.setPassphrase({
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
