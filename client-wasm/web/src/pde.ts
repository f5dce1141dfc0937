/** Loads the crypto module (pde-client-wasm). Key material never leaves it. */
import init from './pkg/pde_client_wasm.js';

export {
  Wallet,
  SlotKeys,
  DocumentWriter,
  ContentReader,
  randomSalt,
  derivePassphraseKeys,
  generateRecoveryCode,
  deriveRecoveryKeys,
  encryptedLength,
  encryptNote,
  LinkSecret,
} from './pkg/pde_client_wasm.js';

let ready: Promise<unknown> | null = null;

export function loadCrypto(): Promise<unknown> {
  ready ??= init();
  return ready;
}

/** Argon2id parameters for new passphrase slots (docs/formats.md). */
export const NEW_KDF = { alg: 'argon2id', m_kib: 65536, t: 3, p: 1 } as const;

/** The `code` of an error thrown by the crypto module, if it is one. */
export function pdeErrorCode(e: unknown): string | null {
  if (e instanceof Error && e.name === 'PdeError') {
    const code = (e as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : 'internal';
  }
  return null;
}
