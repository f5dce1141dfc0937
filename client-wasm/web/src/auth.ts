/** Sign-up, log-in and passphrase change: the sequence of docs/api.md and docs/wasm-api.md. */
import { api, ApiError, type Kdf, type NewWallet } from './api';
import { fromBase64, toBase64 } from './base64';
import {
  NEW_KDF, Wallet, deriveRecoveryKeys, derivePassphraseKeys, generateRecoveryCode, loadCrypto, randomSalt, type SlotKeys,
} from './pde';
import { canonicalPassphrase, loginCandidates } from './passphrase-text';
import { Session, dropWallet } from './session';
import { WorkerSession } from './shared';

/** Lets the page paint ("please wait") before a long synchronous Argon2id run. */
const paint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 30)));

export function normalizePseudonym(p: string): string {
  return p.normalize('NFC').trim();
}

export function newRecoveryCode(): string {
  return generateRecoveryCode();
}

/** An open account: a holder's wallet or a worker's. */
export type OpenSession = Session | WorkerSession;

/**
 * A new wallet identity W with its passphrase and recovery slots: what both sign-ups send.
 * The caller owns the wallet (and drops it if the sign-up fails).
 */
async function newWallet(passphrase: string, recoveryCode: string): Promise<{ wallet: Wallet; body: NewWallet }> {
  await loadCrypto();
  await paint();
  const wallet = Wallet.create();
  const salt = randomSalt();
  const kdf: Kdf = { ...NEW_KDF };
  let pass: SlotKeys | null = null;
  let rec: SlotKeys | null = null;
  try {
    pass = derivePassphraseKeys(canonicalPassphrase(passphrase), salt, kdf.m_kib, kdf.t, kdf.p);
    rec = deriveRecoveryKeys(recoveryCode);
    const body: NewWallet = {
      recipient: wallet.recipient(),
      salt: toBase64(salt),
      kdf,
      passphrase_auth: toBase64(pass.authKey()),
      passphrase_slot: toBase64(wallet.sealSlot(pass)),
      recovery_auth: toBase64(rec.authKey()),
      recovery_slot: toBase64(wallet.sealSlot(rec)),
    };
    return { wallet, body };
  } catch (e) {
    dropWallet(wallet);
    throw e;
  } finally {
    pass?.free();
    rec?.free();
  }
}

/** Sends a new wallet with `send`; drops the wallet if that fails. */
async function signUp(passphrase: string, recoveryCode: string, send: (body: NewWallet) => Promise<unknown>): Promise<Wallet> {
  const { wallet, body } = await newWallet(passphrase, recoveryCode);
  try {
    await send(body);
  } catch (e) {
    dropWallet(wallet);
    throw e;
  }
  return wallet;
}

/** Creates a holder's account; the browser keeps the new wallet open. */
export async function createAccount(pseudonym: string, passphrase: string, recoveryCode: string): Promise<Session> {
  const wallet = await signUp(passphrase, recoveryCode, (body) => api.createAccount({ ...body, pseudonym }));
  const session = new Session(wallet, pseudonym);
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
  const wallet = await signUp(passphrase, recoveryCode, (body) =>
    api.createWorker({ ...body, invitation, real_name: realName, pseudonym }),
  );
  const session = await sessionFor(wallet, pseudonym);
  if (session.kind !== 'worker') {
    await session.lock();
    throw new ApiError('internal', 0);
  }
  return session;
}

/** The session of a wallet just opened: a holder's or a worker's, as the account says. */
async function sessionFor(wallet: Wallet, pseudonym: string): Promise<OpenSession> {
  try {
    const account = await api.account();
    if (account.kind === 'worker' && account.worker) {
      const worker = new WorkerSession(wallet, pseudonym, account.worker);
      await worker.refresh();
      return worker;
    }
    const session = new Session(wallet, pseudonym);
    await session.refresh(account);
    return session;
  } catch (e) {
    dropWallet(wallet);
    throw e;
  }
}

export async function openWithPassphrase(pseudonym: string, passphrase: string): Promise<OpenSession> {
  await loadCrypto();
  const { salt, kdf } = await api.params(pseudonym);
  // The canonical form first, then the text as typed (docs/formats.md, "Passphrase slot").
  const candidates = loginCandidates(passphrase);
  for (let i = 0; ; i++) {
    await paint();
    const keys = derivePassphraseKeys(candidates[i]!, fromBase64(salt), kdf.m_kib, kdf.t, kdf.p);
    let wallet: Wallet;
    try {
      const { slot } = await api.login(pseudonym, 'passphrase', toBase64(keys.authKey()));
      wallet = Wallet.open(fromBase64(slot), keys);
    } catch (e) {
      if (i + 1 < candidates.length && e instanceof ApiError && e.code === 'invalid_credentials') continue;
      throw e;
    } finally {
      keys.free();
    }
    return sessionFor(wallet, pseudonym);
  }
}

export async function openWithRecoveryCode(pseudonym: string, code: string): Promise<OpenSession> {
  await loadCrypto();
  const keys = deriveRecoveryKeys(code);
  let wallet: Wallet;
  try {
    const { slot } = await api.login(pseudonym, 'recovery', toBase64(keys.authKey()));
    wallet = Wallet.open(fromBase64(slot), keys);
  } finally {
    keys.free();
  }
  return sessionFor(wallet, pseudonym);
}

/**
 * Replaces the passphrase slot (after a recovery log-in); `endOtherSessions` asks the server
 * to end the account's other open sessions.
 */
export async function setNewPassphrase(session: OpenSession, passphrase: string, endOtherSessions: boolean): Promise<void> {
  await paint();
  const salt = randomSalt();
  const kdf: Kdf = { ...NEW_KDF };
  const keys = derivePassphraseKeys(canonicalPassphrase(passphrase), salt, kdf.m_kib, kdf.t, kdf.p);
  try {
    await api.setPassphrase({
      salt: toBase64(salt),
      kdf,
      passphrase_auth: toBase64(keys.authKey()),
      passphrase_slot: toBase64(session.wallet.sealSlot(keys)),
      end_other_sessions: endOtherSessions,
    });
  } finally {
    keys.free();
  }
}

/** Groups of a recovery code in display form ("ABCD-EFGH-…"). */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean);
}
