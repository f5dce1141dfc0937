// Passkeys in Chromium's virtual authenticator (CDP WebAuthn domain), on a server whose public
// address is http://localhost:<proxy port>: create a wallet with a passkey, open it with the
// passkey alone (one prompt), a passkey without PRF that logs in while the passphrase unlocks,
// a second passkey replacing the first, and Settings: a new recovery sheet, a new passphrase,
// the sessions. The PRF outputs the browser gave the page, their slot keys, the passphrases
// and recovery codes appear in no request, log line or stored file.
import assert from 'node:assert/strict';
import { hkdfSync, randomBytes } from 'node:crypto';
import test from 'node:test';
import { accessibilityProblems } from './lib/a11y.mjs';
import { VIEWPORTS } from './lib/browser.mjs';
import { confirmSheet, generatedPassphrase, invitationToken, joinAsWorker, quit, screenshotter, writeNote } from './lib/flows.mjs';
import { openPasskeyApp, phoneAuthenticator } from './lib/passkeys.mjs';
import { assertDatabaseScanned, findPlaintextRuns, findStrings, requestHaystacks } from './lib/scan.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });
const walletShown = (page, t) => h1(page, t('wallet-title')).waitFor({ timeout: 60_000 });
const b64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Checks the screen shown with axe-core and the layout checks; adds problems to `problems`. */
function checker(page, name, problems) {
  const shot = screenshotter(page, name);
  return async (step) => {
    await shot(step);
    problems.push(...(await accessibilityProblems(page, `${name}/${step}`)));
  };
}

/** Sign-up with this device's passkey: pseudonym → "use this phone's screen lock" → sheet. */
async function createWithPasskey(page, t, shot) {
  await page.getByRole('button', { name: t('create-start') }).click();
  await h1(page, t('create-title')).waitFor();
  await page.getByRole('button', { name: t('pseudonym-generate') }).click();
  const pseudonym = await page.getByLabel(t('field-pseudonym'), { exact: true }).inputValue();
  await page.getByRole('button', { name: t('next') }).click();
  await page.getByRole('heading', { level: 2, name: t('passkey-create-title') }).waitFor();
  await shot('create-passkey');
  await page.getByRole('button', { name: t('passkey-create-button'), exact: true }).click();
  return pseudonym;
}

async function recoveryCodeShown(page) {
  const codeEl = page.getByTestId('recovery-code');
  await codeEl.waitFor({ timeout: 60_000 });
  return (await codeEl.textContent()).trim();
}

async function openSettings(page, t) {
  await page.getByRole('button', { name: t('settings-open') }).click();
  await h1(page, t('settings-title')).waitFor();
  await page.getByTestId('session-list').waitFor();
}

/** Everything sent, logged and stored, scanned for `needles` (strings) and `secrets` (bytes). */
function assertNothingLeaked(env, needles, secrets) {
  const sent = requestHaystacks(env.proxy.records);
  assert.ok(sent.length > 40, 'the recorded requests are scanned');
  const log = [{ name: 'server log', bytes: env.server.log() }];
  const stored = env.server.storedFiles();
  assertDatabaseScanned(stored, env.server.database);
  for (const [where, hay] of [['requests', sent], ['log', log], ['stored files', stored]]) {
    assert.deepEqual(findStrings(needles, hay), [], `no secret text in the ${where}`);
    assert.deepEqual(findPlaintextRuns(secrets, hay), [], `no secret bytes in the ${where}`);
  }
}

/** The PRF outputs the page was given, and the passkey slot keys made from them (docs/formats.md). */
async function prfSecrets(env) {
  const outputs = (await env.prfSeen()).map((b) => Buffer.from(b, 'base64'));
  const slotKeys = outputs.map((o) => Buffer.from(hkdfSync('sha256', o, Buffer.alloc(0), 'pde/v1/passkey/slot', 32)));
  return {
    outputs,
    bytes: [...outputs.map((b, i) => ({ name: `PRF output ${i}`, bytes: b })), ...slotKeys.map((b, i) => ({ name: `passkey slot key ${i}`, bytes: b }))],
    texts: [...outputs, ...slotKeys].flatMap((b) => [b.toString('base64'), b64url(b), b.toString('hex')]),
  };
}

test('a wallet made with a passkey opens with it alone in one prompt; a second passkey replaces the first (phone, French)', { timeout: 400_000 }, async () => {
  const env = await openPasskeyApp({ viewport: VIEWPORTS.phone, lang: 'fr' });
  const { page, t } = env;
  const problems = [];
  const shot = checker(page, 'passkeys-phone-fr', problems);
  try {
    await shot('start');
    await createWithPasskey(page, t, shot);
    const code = await recoveryCodeShown(page);
    await shot('sheet');
    await confirmSheet(page, t, code);
    const title = `Passkey ${randomBytes(4).toString('hex')}`;
    await writeNote(page, t, { title, text: 'Une note ouverte par la clé d’accès.' });
    await quit(page, t);

    // One touch logs in and unlocks: the shared PRF salt is asked for in the log-in prompt.
    await env.clearPrompts();
    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await walletShown(page, t);
    await page.getByRole('button', { name: new RegExp(title) }).waitFor();
    assert.deepEqual(await env.prompts(), ['get'], 'one prompt opened the wallet');

    // Settings: the passkey is listed; a new one on another device, proved by the recovery code.
    await openSettings(page, t);
    await page.getByTestId('passkey-item').first().waitFor();
    assert.equal(await page.getByTestId('passkey-item').count(), 1);
    await shot('settings');
    const [first] = await env.credentials(env.authenticatorId);
    await env.removeAuthenticator(env.authenticatorId);
    const second = await env.addAuthenticator(phoneAuthenticator());
    await page.getByRole('button', { name: t('ways-passkey-add'), exact: true }).click();
    await page.getByRole('radio', { name: t('field-recovery-code') }).check();
    await page.getByRole('textbox', { name: t('field-recovery-code'), exact: true }).fill(code);
    await shot('add-passkey-proof');
    await page.getByRole('button', { name: t('ways-passkey-add-submit'), exact: true }).click();
    await page.getByTestId('ways-done').filter({ hasText: t('ways-passkey-added') }).waitFor({ timeout: 60_000 });
    await page.getByTestId('passkey-item').nth(1).waitFor();

    // Remove the first, proved by the new passkey.
    const items = page.getByTestId('passkey-item');
    const firstName = (await items.first().locator('strong').textContent()).trim();
    await page.getByRole('button', { name: t('ways-passkey-remove-named', { name: firstName }) }).first().click();
    await page.getByRole('radio', { name: t('ways-proof-passkey') }).check();
    await shot('remove-passkey-proof');
    await page.getByRole('button', { name: t('ways-passkey-remove-submit'), exact: true }).click();
    await page.getByTestId('ways-done').filter({ hasText: t('ways-passkey-removed') }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="passkey-item"]').length === 1);
    await page.getByRole('button', { name: t('back') }).last().click();
    await quit(page, t);

    // The second passkey opens the wallet.
    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await walletShown(page, t);
    await page.getByRole('button', { name: new RegExp(title) }).waitFor();
    await quit(page, t);

    // The removed one is refused, with the words of a wrong passphrase.
    await env.removeAuthenticator(second);
    const old = await env.addAuthenticator(phoneAuthenticator());
    await env.cdp.send('WebAuthn.addCredential', { authenticatorId: old, credential: first });
    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await page.locator('#passkey-error').filter({ hasText: t('err-login-passphrase') }).waitFor();
    await shot('removed-passkey-refused');
    assert.equal(await h1(page, t('start-title')).count(), 1, 'still on the start page');

    // The prompt is closed (or times out): a sentence, on the same page.
    await page.evaluate(() => {
      // The person closes the prompt: the browser answers NotAllowedError.
      const original = navigator.credentials.get;
      navigator.credentials.get = async () => {
        navigator.credentials.get = original;
        throw new DOMException('closed', 'NotAllowedError');
      };
    });
    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await page.locator('#passkey-error').filter({ hasText: t('passkey-cancelled') }).waitFor();
    await shot('cancelled');

    const prf = await prfSecrets(env);
    assert.ok(prf.outputs.length >= 2, `the page was given PRF outputs (${prf.outputs.length})`);
    assertNothingLeaked(env, [code, code.replaceAll('-', ''), ...prf.texts], prf.bytes);
    assert.deepEqual(problems, []);
    assert.deepEqual(env.browser.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  } finally {
    await env.close();
  }
});

test('a passkey without PRF logs in and the passphrase unlocks, saying why (computer, Dutch)', { timeout: 300_000 }, async () => {
  const env = await openPasskeyApp({ viewport: VIEWPORTS.terminal, lang: 'nl', authenticator: phoneAuthenticator({ prf: false }) });
  const { page, t } = env;
  const problems = [];
  const shot = checker(page, 'passkeys-terminal-nl-no-prf', problems);
  try {
    await createWithPasskey(page, t, shot);
    // The passkey cannot unlock here: the person chooses a passphrase too, told why.
    await page.getByTestId('passkey-no-prf').waitFor({ timeout: 60_000 });
    const passphrase = await generatedPassphrase(page);
    await shot('no-prf-passphrase');
    await page.getByRole('button', { name: t('passkey-create-no-prf-submit'), exact: true }).click();
    const code = await recoveryCodeShown(page);
    await confirmSheet(page, t, code);
    const title = `Zonder PRF ${randomBytes(4).toString('hex')}`;
    await writeNote(page, t, { title, text: 'Een notitie.' });
    await quit(page, t);

    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await page.getByTestId('passkey-unlock-why').filter({ hasText: t('passkey-unlock-why') }).waitFor();
    assert.equal(await page.getByLabel(t('field-pseudonym'), { exact: true }).count(), 0, 'no pseudonym to type');
    await shot('unlock-with-passphrase');
    await page.getByLabel(t('field-passphrase'), { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: t('open-submit'), exact: true }).click();
    await walletShown(page, t);
    await page.getByRole('button', { name: new RegExp(title) }).waitFor();

    // Settings says this passkey only logs in.
    await openSettings(page, t);
    await page.getByTestId('passkey-item').filter({ hasText: t('ways-passkey-logs-in-only') }).waitFor();
    await shot('settings-no-prf');

    // A device that cannot check it is the person (no user verification): refused, with a
    // sentence that says so, on the same page.
    await page.getByRole('button', { name: t('back') }).last().click();
    await quit(page, t);
    await env.cdp.send('WebAuthn.setUserVerified', { authenticatorId: env.authenticatorId, isUserVerified: false });
    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await page.locator('#passkey-error').filter({ hasText: t('passkey-cancelled') }).waitFor({ timeout: 60_000 });
    assert.equal(await h1(page, t('start-title')).count(), 1, 'still on the start page');
    await shot('not-verified');

    assert.deepEqual(await env.prfSeen(), [], 'the authenticator gave no PRF output');
    assertNothingLeaked(env, [code, passphrase], []);
    assert.deepEqual(problems, []);
  } finally {
    await env.close();
  }
});

test('a new recovery sheet and a new passphrase: the old ones are refused at once, and the other browser’s session ends (phone, Dutch)', { timeout: 400_000 }, async () => {
  const env = await openPasskeyApp({ viewport: VIEWPORTS.phone, lang: 'nl' });
  const { page, t } = env;
  const problems = [];
  const shot = checker(page, 'settings-ways-phone-nl', problems);
  let other = null;
  try {
    // A wallet with a passphrase, as before passkeys.
    await page.getByRole('button', { name: t('create-start') }).click();
    await page.getByRole('button', { name: t('pseudonym-generate') }).click();
    const pseudonym = await page.getByLabel(t('field-pseudonym'), { exact: true }).inputValue();
    await page.getByRole('button', { name: t('next') }).click();
    await page.getByRole('button', { name: t('passkey-create-passphrase-instead'), exact: true }).click();
    const passphrase = await generatedPassphrase(page);
    await page.getByRole('button', { name: t('create-submit') }).click();
    const oldCode = await recoveryCodeShown(page);
    await confirmSheet(page, t, oldCode);

    // Another browser opens the same wallet.
    other = await openPasskeyApp({ viewport: VIEWPORTS.terminal, lang: 'nl', authenticator: null, server: env.server });
    const op = other.page;
    await op.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
    await op.getByLabel(t('field-passphrase'), { exact: true }).fill(passphrase);
    await op.getByRole('button', { name: t('open-submit'), exact: true }).click();
    await walletShown(op, t);

    // A new recovery sheet, proved by the passphrase, ending the other sessions.
    await openSettings(page, t);
    await page.getByTestId('session-item').nth(1).waitFor();
    await shot('sessions');
    await page.getByRole('button', { name: t('ways-recovery-new'), exact: true }).click();
    // The passphrase is the proof offered first; its field is the one of that name that is not a radio.
    await page.locator('#ways-proof-secret[type="password"]').fill(passphrase);
    await shot('recovery-proof');
    await page.getByRole('button', { name: t('ways-recovery-submit'), exact: true }).click();
    const newCode = await recoveryCodeShown(page);
    assert.notEqual(newCode, oldCode);
    await shot('new-sheet');
    await page.getByRole('button', { name: t('sheet-kept') }).click();
    await page.getByTestId('ways-done').filter({ hasText: t('ways-recovery-changed') }).waitFor();

    // The other browser's next request: "your session has ended".
    await op.getByRole('button', { name: t('settings-open') }).click();
    await op.getByText(t('err-unauthenticated')).first().waitFor();

    // A new passphrase.
    await page.getByRole('button', { name: t('ways-passphrase-change'), exact: true }).click();
    await page.getByLabel(t('ways-current-passphrase'), { exact: true }).fill(passphrase);
    const newPassphrase = await generatedPassphrase(page);
    assert.notEqual(newPassphrase, passphrase);
    await shot('change-passphrase');
    await page.getByRole('button', { name: t('ways-passphrase-submit'), exact: true }).last().click();
    await page.getByTestId('ways-done').filter({ hasText: t('ways-passphrase-changed') }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: t('back') }).last().click();
    await quit(page, t);

    // The old passphrase and the old code are refused; the new ones open, in the other browser too.
    const tryPassphrase = async (p, pass) => {
      await p.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
      await p.getByLabel(t('field-passphrase'), { exact: true }).fill(pass);
      await p.getByRole('button', { name: t('open-submit'), exact: true }).click();
    };
    await tryPassphrase(page, passphrase);
    await page.locator('#open-error').filter({ hasText: t('err-login-passphrase') }).waitFor();
    await tryPassphrase(page, newPassphrase);
    await walletShown(page, t);
    await quit(page, t);

    const tryCode = async (c) => {
      await page.getByRole('button', { name: t('recover-start') }).click();
      await page.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
      await page.getByLabel(t('field-recovery-code'), { exact: true }).fill(c);
      await page.getByRole('button', { name: t('recover-submit') }).click();
    };
    await tryCode(oldCode);
    await page.locator('#rec-error').filter({ hasText: t('err-login-recovery') }).waitFor();
    await page.getByRole('button', { name: t('back') }).click();
    await tryCode(newCode);
    await h1(page, t('recover-new-title')).waitFor({ timeout: 60_000 });

    await op.getByRole('button', { name: t('quit') }).click();
    await h1(op, t('start-title')).waitFor();
    await tryPassphrase(op, passphrase);
    await op.locator('#open-error').filter({ hasText: t('err-login-passphrase') }).waitFor();
    await tryPassphrase(op, newPassphrase);
    await walletShown(op, t);

    // "End all others" in the other browser: this one's next request says its session ended.
    await openSettings(op, t);
    await op.getByTestId('session-item').nth(1).waitFor();
    await op.getByRole('button', { name: t('sessions-end-others'), exact: true }).click();
    await op.getByTestId('sessions-notice').filter({ hasText: t('sessions-ended-others') }).waitFor();
    assert.equal(await op.getByTestId('session-item').count(), 1, 'only this session is left');
    await generatedPassphrase(page);
    await page.getByRole('button', { name: t('recover-new-submit') }).click();
    await page.getByText(t('err-unauthenticated')).first().waitFor({ timeout: 60_000 });

    assertNothingLeaked(env, [oldCode, newCode, passphrase, newPassphrase], []);
    assert.deepEqual(problems, []);
  } finally {
    await other?.close({ keepServer: true });
    await env.close();
  }
});

test('a social worker has the same Settings: adds a passkey there and opens with it (computer, French)', { timeout: 300_000 }, async () => {
  const env = await openPasskeyApp({ viewport: VIEWPORTS.terminal, lang: 'fr' });
  const { page, t, server } = env;
  const problems = [];
  const shot = checker(page, 'passkeys-worker-terminal-fr', problems);
  try {
    const org = `Asbl ${randomBytes(3).toString('hex')}`;
    await server.admin('org', 'add', org);
    const token = invitationToken(await server.admin('worker', 'invite', '--org', org));
    const login = `travailleur-${randomBytes(3).toString('hex')}`;
    const w = await joinAsWorker(page, t, { url: `${env.proxy.localhostUrl}/join#${token}`, lang: 'fr', realName: 'Camille Martin', login });

    await openSettings(page, t);
    await page.getByRole('heading', { level: 2, name: t('ways-title') }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 2, name: t('wallet-delete-title') }).count(), 0, 'a worker has no "delete my wallet"');
    await shot('worker-settings');
    await page.getByRole('button', { name: t('ways-passkey-add'), exact: true }).click();
    await page.locator('#ways-proof-secret[type="password"]').fill(w.passphrase);
    await page.getByRole('button', { name: t('ways-passkey-add-submit'), exact: true }).click();
    await page.getByTestId('ways-done').filter({ hasText: t('ways-passkey-added') }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: t('back') }).last().click();
    await h1(page, t('worker-title')).waitFor();
    await page.getByRole('button', { name: t('quit') }).click();

    await page.getByRole('button', { name: t('passkey-open-button'), exact: true }).click();
    await h1(page, t('worker-title')).waitFor({ timeout: 60_000 });

    const prf = await prfSecrets(env);
    assert.ok(prf.outputs.length >= 1, 'the page was given a PRF output');
    assertNothingLeaked(env, [w.passphrase, w.recoveryCode, ...prf.texts], prf.bytes);
    assert.deepEqual(problems, []);
  } finally {
    await env.close();
  }
});
