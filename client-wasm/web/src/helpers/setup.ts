/**
 * Choosing trusted helpers in the holder's browser (docs/api.md, "Trusted helpers"): the
 * crypto worker makes the recovery secret's parts and shares, seals each worker's share to
 * that worker's recipient and gives the text of each paper card; the server gets the server
 * part, the auth key, the helper slot, the sealed shares and the cards' auth keys, never a
 * card's text.
 */
import { api } from '../api';
import { toBase64 } from '../base64';
import type { Session } from '../session';
import { recordShare } from '../wallet-record';
import type { ChosenHelper } from './flow';

/** A paper card of the new set, to print: its text is in the page only while it is shown. */
export interface PaperCard {
  label: string;
  text: string;
}

/** Replaces the holder's helper set with `helpers` (k = `threshold`); answers the cards to print. */
export async function chooseHelpers(session: Session, threshold: number, helpers: readonly ChosenHelper[]): Promise<PaperCard[]> {
  const crypto = session.crypto;
  const made = await crypto.call({ op: 'helperSetup', threshold, helpers: helpers.length });
  try {
    const body = [];
    const cards: PaperCard[] = [];
    for (const [index, h] of helpers.entries()) {
      if (h.kind === 'worker') {
        const { share } = await crypto.call({ op: 'helperShareFor', setup: made.setup, index, recipient: h.worker.recipient });
        body.push({ kind: 'worker' as const, worker: h.worker.id, share: toBase64(share) });
      } else {
        const card = await crypto.call({ op: 'helperCard', setup: made.setup, index });
        body.push({ kind: 'card' as const, card_auth: toBase64(card.authKey), label: h.label });
        cards.push({ label: h.label, text: card.text });
      }
    }
    await api.replaceHelpers({
      threshold,
      server_part: toBase64(made.serverPart),
      auth_key: toBase64(made.authKey),
      slot: toBase64(made.slot),
      helpers: body,
    });
    // The workers' keys join the wallet record, as a share's do: a later change is refused.
    for (const h of helpers) {
      if (h.kind === 'worker') await recordShare(session.record, h.worker).catch(() => undefined);
    }
    return cards;
  } finally {
    void crypto.call({ op: 'freeHelperSetup', setup: made.setup }).catch(() => undefined);
  }
}
