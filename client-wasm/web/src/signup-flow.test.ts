import { describe, expect, it } from 'vitest';
import { confirmMatches, credentialReducer, initialCredentials, type CredentialAction, type CredentialState } from './signup-flow';

const CODE = 'ABCD-EFGH-1J0K-MNPQ-RSTU-VWXY-Z234';
const run = (state: CredentialState, ...actions: CredentialAction[]) => actions.reduce(credentialReducer, state);
const onConfirm = () => run(initialCredentials, { type: 'created', code: CODE }, { type: 'sheetKept' });

describe('sign-up steps', () => {
  it('the account made shows the sheet with its recovery code', () => {
    expect(run(initialCredentials, { type: 'created', code: CODE })).toMatchObject({ step: 'sheet', code: CODE });
  });

  it('"I kept it" goes to the check; "show the sheet" goes back to it, the code kept', () => {
    const s = onConfirm();
    expect(s.step).toBe('confirm');
    expect(run(s, { type: 'showSheet' })).toMatchObject({ step: 'sheet', code: CODE });
  });

  it('a wrong group is refused with a message and stays on the check; each try is a new failure', () => {
    const s = run(onConfirm(), { type: 'typed', value: 'EFGH' }, { type: 'check' });
    expect(s).toMatchObject({ step: 'confirm', error: 'confirm-wrong', code: CODE });
    expect(run(s, { type: 'check' }).failures).toBe(s.failures + 1);
    // Showing the sheet again clears the message.
    expect(run(s, { type: 'showSheet' }).error).toBeNull();
  });

  it('the right group passes, read leniently, and the code is dropped', () => {
    const s = run(onConfirm(), { type: 'typed', value: ' 1j-ok ' }, { type: 'check' });
    expect(s).toMatchObject({ step: 'done', code: '', typedBack: '', error: null });
  });

  it('moves that do not belong to the step change nothing', () => {
    expect(credentialReducer(initialCredentials, { type: 'sheetKept' })).toBe(initialCredentials);
    expect(credentialReducer(initialCredentials, { type: 'check' })).toBe(initialCredentials);
    const sheet = run(initialCredentials, { type: 'created', code: CODE });
    expect(credentialReducer(sheet, { type: 'created', code: 'OTHER' })).toBe(sheet);
    expect(credentialReducer(sheet, { type: 'showSheet' })).toBe(sheet);
  });
});

describe('confirmMatches', () => {
  it('takes the third group, with I/L for 1 and O for 0', () => {
    expect(confirmMatches(CODE, '1J0K')).toBe(true);
    expect(confirmMatches(CODE, 'ij0k')).toBe(true);
    expect(confirmMatches(CODE, 'LJOK')).toBe(true);
    expect(confirmMatches(CODE, 'ABCD')).toBe(false);
    expect(confirmMatches(CODE, '')).toBe(false);
    expect(confirmMatches('', '')).toBe(false);
  });
});
