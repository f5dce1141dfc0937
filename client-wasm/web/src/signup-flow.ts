/**
 * Steps 2 and 3 of a sign-up (CredentialSteps in create.tsx) as a pure state machine:
 * passphrase → recovery sheet → typing back one group of the code → done, with "show the
 * sheet again" from the check. Making the account (Argon2id, the request) runs outside the
 * reducer, which only records that it was made and with which recovery code.
 */
import { codeGroups } from './auth';

/** Which group of the recovery code the person types back (the 3rd). */
export const CONFIRM_GROUP = 2;

export type CredentialStep = 'passphrase' | 'sheet' | 'confirm' | 'done';

export interface CredentialState {
  step: CredentialStep;
  /** The recovery code, from the account's creation until the check is passed. */
  code: string;
  /** What is typed in the check's field. */
  typedBack: string;
  /** The check failed (the message key), or null. */
  error: string | null;
  /** How many checks failed so far (each new failure takes the focus). */
  failures: number;
}

export type CredentialAction =
  | { type: 'created'; code: string }
  | { type: 'sheetKept' }
  | { type: 'showSheet' }
  | { type: 'typed'; value: string }
  | { type: 'check' };

export const initialCredentials: CredentialState = { step: 'passphrase', code: '', typedBack: '', error: null, failures: 0 };

/** Whether `typed` is the confirm group of `code`, read leniently (case, spaces, dashes, I/L for 1, O for 0). */
export function confirmMatches(code: string, typed: string): boolean {
  const want = codeGroups(code)[CONFIRM_GROUP];
  if (!want) return false;
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0') === want;
}

export function credentialReducer(state: CredentialState, action: CredentialAction): CredentialState {
  switch (action.type) {
    case 'created':
      if (state.step !== 'passphrase') return state;
      return { ...state, step: 'sheet', code: action.code, error: null };
    case 'sheetKept':
      if (state.step !== 'sheet') return state;
      return { ...state, step: 'confirm', error: null };
    case 'showSheet':
      if (state.step !== 'confirm') return state;
      return { ...state, step: 'sheet', error: null };
    case 'typed':
      return { ...state, typedBack: action.value };
    case 'check':
      if (state.step !== 'confirm') return state;
      if (!confirmMatches(state.code, state.typedBack)) return { ...state, error: 'confirm-wrong', failures: state.failures + 1 };
      // Passed: the code is no longer kept in the page's state.
      return { ...state, step: 'done', code: '', typedBack: '', error: null };
  }
}
