/**
 * After a recovery with trusted helpers: the session (opened by `complete`, method `helpers`)
 * may set a new passphrase and a new recovery code without a proof for 15 minutes
 * (docs/api.md). Both slots are made in the crypto worker that holds the wallet.
 */
import { api } from '../api';
import { setNewPassphrase } from '../auth';
import { toBase64 } from '../base64';
import type { Session } from '../session';

export async function setNewWays(session: Session, passphrase: string, recoveryCode: string): Promise<void> {
  // Every other session already ended when the request completed.
  await setNewPassphrase(session, passphrase, false);
  const crypto = session.crypto;
  const { keys, authKey } = await crypto.call({ op: 'deriveRecoveryKeys', code: recoveryCode });
  try {
    const { slot } = await crypto.call({ op: 'sealSlot', keys });
    await api.newRecovery({ recovery_auth: toBase64(authKey), recovery_slot: toBase64(slot), end_other_sessions: false });
  } finally {
    void crypto.call({ op: 'freeKeys', keys }).catch(() => undefined);
  }
}
