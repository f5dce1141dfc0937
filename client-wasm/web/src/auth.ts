/** Sign-up, log-in and passphrase change: the sequence of docs/api.md and docs/wasm-api.md. */
import { api, type Kdf } from './api';
import { fromBase64, toBase64 } from './base64';
import {
  NEW_KDF, Wallet, deriveRecoveryKeys, derivePassphraseKeys, generateRecoveryCode, loadCrypto, randomSalt,
} from './pde';
import { Session } from './session';

/** Lets the page paint ("please wait") before a long synchronous Argon2id run. */
const paint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 30)));

export function normalizePseudonym(p: string): string {
  return p.normalize('NFC').trim();
}

export function newRecoveryCode(): string {
  return generateRecoveryCode();
}

/** Creates the account; the browser keeps the new wallet open. */
export async function createAccount(pseudonym: string, passphrase: string, recoveryCode: string): Promise<Session> {
  await loadCrypto();
  await paint();
  const wallet = Wallet.create();
  const salt = randomSalt();
  const kdf: Kdf = { ...NEW_KDF };
  const pass = derivePassphraseKeys(passphrase, salt, kdf.m_kib, kdf.t, kdf.p);
  const rec = deriveRecoveryKeys(recoveryCode);
  try {
    await api.createAccount({
      pseudonym,
      recipient: wallet.recipient(),
      salt: toBase64(salt),
      kdf,
      passphrase_auth: toBase64(pass.authKey()),
      passphrase_slot: toBase64(wallet.sealSlot(pass)),
      recovery_auth: toBase64(rec.authKey()),
      recovery_slot: toBase64(wallet.sealSlot(rec)),
    });
  } catch (e) {
    wallet.lock();
    wallet.free();
    throw e;
  } finally {
    pass.free();
    rec.free();
  }
  const session = new Session(wallet, pseudonym);
  await session.refresh();
  return session;
}

export async function openWithPassphrase(pseudonym: string, passphrase: string): Promise<Session> {
  await loadCrypto();
  const { salt, kdf } = await api.params(pseudonym);
  await paint();
  const keys = derivePassphraseKeys(passphrase, fromBase64(salt), kdf.m_kib, kdf.t, kdf.p);
  try {
    const { slot } = await api.login(pseudonym, 'passphrase', toBase64(keys.authKey()));
    const session = new Session(Wallet.open(fromBase64(slot), keys), pseudonym);
    await session.refresh();
    return session;
  } finally {
    keys.free();
  }
}

export async function openWithRecoveryCode(pseudonym: string, code: string): Promise<Session> {
  await loadCrypto();
  const keys = deriveRecoveryKeys(code);
  try {
    const { slot } = await api.login(pseudonym, 'recovery', toBase64(keys.authKey()));
    const session = new Session(Wallet.open(fromBase64(slot), keys), pseudonym);
    await session.refresh();
    return session;
  } finally {
    keys.free();
  }
}

/** Replaces the passphrase slot (after a recovery log-in). */
export async function setNewPassphrase(session: Session, passphrase: string): Promise<void> {
  await paint();
  const salt = randomSalt();
  const kdf: Kdf = { ...NEW_KDF };
  const keys = derivePassphraseKeys(passphrase, salt, kdf.m_kib, kdf.t, kdf.p);
  try {
    await api.setPassphrase({
      salt: toBase64(salt),
      kdf,
      passphrase_auth: toBase64(keys.authKey()),
      passphrase_slot: toBase64(session.wallet.sealSlot(keys)),
    });
  } finally {
    keys.free();
  }
}

/** Groups of a recovery code in display form ("ABCD-EFGH-…"). */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean);
}
