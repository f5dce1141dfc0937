/**
 * How a passphrase typed at log-in becomes the text given to Argon2id (docs/formats.md,
 * "Passphrase slot"). Generated passphrases are 5 words of letters, so a capital letter
 * (a phone's keyboard adds one at the start) or two spaces between words must not lock
 * anyone out. The rule depends only on the shape of what is typed, never on the word lists,
 * so curating a list can never stop an older passphrase from opening.
 */

/** How many words a generated passphrase has. */
export const GENERATED_WORDS = 5;

// Exactly 5 runs of ASCII letters separated by white space (any Unicode white space).
const GENERATED_SHAPE = /^[A-Za-z]+(?:\s+[A-Za-z]+){4}$/u;

/** Whether a passphrase has the shape of a generated one (5 words of letters a–z, any case). */
export function looksGenerated(passphrase: string): boolean {
  return GENERATED_SHAPE.test(passphrase.normalize('NFC').trim());
}

/**
 * The text a passphrase is derived from: white space around it trimmed, NFC; a passphrase of
 * the generated shape is also put in lower case with one space between its words. Used for
 * every new passphrase (sign-up, recovery, typed or generated) and first at log-in.
 */
export function canonicalPassphrase(passphrase: string): string {
  const p = passphrase.normalize('NFC').trim();
  if (!GENERATED_SHAPE.test(p)) return p;
  return p.toLowerCase().split(/\s+/u).join(' ');
}

/**
 * What to try at log-in, in order: the canonical form, then the text exactly as typed
 * (trimmed, NFC) when that differs. The second try keeps opening a wallet made before this
 * rule with a typed passphrase of the generated shape in mixed case or with double spaces.
 */
export function loginCandidates(passphrase: string): string[] {
  const exact = passphrase.normalize('NFC').trim();
  const canonical = canonicalPassphrase(exact);
  return canonical === exact ? [exact] : [canonical, exact];
}
