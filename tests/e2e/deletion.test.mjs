// Deleting a wallet in a real browser, with the keyboard: Settings → "Delete my wallet" says
// what goes and what stays; a wrong pseudonym deletes nothing and says so; the pseudonym and
// the passphrase delete it and a neutral end page follows. Then the server's database (every
// table, read with the sqlite3 tool) and its blob directory hold nothing of the wallet, and a
// log-in with that pseudonym fails. Every screen is checked with axe.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import { accessibilityProblems } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { makePdf } from './lib/fixtures.mjs';
import { addFile, confirmSheet, createWallet, openWallet, tabTo, writeNote } from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { filesUnder } from './lib/scan.mjs';
import { startServer } from './lib/server.mjs';

/** Runs SQL on the server's SQLite file (WAL included) with the sqlite3 tool; its output. */
function sql(server, query) {
  return execFileSync('sqlite3', [path.join(server.dataDir, 'pde.sqlite'), query], { encoding: 'utf8' });
}

/** Every row of every table, as `.dump` writes it (binary values in hex), lower-cased. */
function dump(server) {
  return execFileSync('sqlite3', [path.join(server.dataDir, 'pde.sqlite'), '.dump'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).toLowerCase();
}

/** The blobs: files of the blob directory, temporary ones included. */
function blobs(server) {
  return filesUnder(server.blobDir);
}

test('a holder deletes their wallet: nothing of it stays on the server', { timeout: 600_000 }, async () => {
  const lang = 'en';
  const t = messages(lang);
  const server = await startServer();
  const browser = await launch(VIEWPORTS.terminal);
  const { page } = browser;
  page.setDefaultTimeout(30_000);
  const problems = [];
  const check = async (screen) => problems.push(...(await accessibilityProblems(page, screen)));
  try {
    await page.goto(server.url);
    const { pseudonym, passphrase, code } = await createWallet(page, t);
    await confirmSheet(page, t, code);
    await addFile(page, t, { via: 'choose-file', file: { name: 'paper.pdf', mimeType: 'application/pdf', buffer: makePdf('DELETE-ME-PDF') }, title: 'Paper to delete', category: 'identity' });
    await writeNote(page, t, { title: 'Note to delete', text: 'A note that must go' });
    // The documents' uploads are complete once both show in the list.
    await page.locator('button.doc', { hasText: 'Paper to delete' }).waitFor();
    await page.locator('button.doc', { hasText: 'Note to delete' }).waitFor();

    // What the server holds of this wallet, read before the deletion.
    const key = pseudonym.trim().toLowerCase();
    const [id, recipient, passSlot, recSlot] = sql(server, `SELECT id, recipient, hex(passphrase_slot), hex(recovery_slot) FROM accounts WHERE pseudonym_key = '${key.replace(/'/g, "''")}'`)
      .trim()
      .split('|');
    assert.match(id, /^[0-9a-f]{32}$/);
    const docs = sql(server, `SELECT id, hex(metadata), hex(envelope) FROM documents WHERE account_id = '${id}'`)
      .trim()
      .split('\n')
      .map((line) => line.split('|'));
    assert.equal(docs.length, 2);
    const sessions = sql(server, `SELECT token_hash FROM sessions WHERE account_id = '${id}'`).trim().split('\n');
    const needles = [
      ['account id', id],
      ['pseudonym', key],
      ['recipient', recipient],
      ['passphrase slot', passSlot],
      ['recovery slot', recSlot],
      ...sessions.map((s) => ['session', s]),
      ...docs.flatMap(([doc, meta, envelope]) => [
        ['document id', doc],
        ['metadata', meta],
        ['envelope', envelope],
      ]),
    ].map(([what, n]) => [what, n.toLowerCase()]);
    const found = (haystack) => needles.filter(([, n]) => haystack.includes(n)).map(([what]) => what);
    assert.equal(found(dump(server)).length, needles.length, 'the scan sees the wallet before');
    const stored = blobs(server);
    assert.equal(stored.length, 2, 'two blobs before');

    // Settings, from the wallet's menu, by keyboard.
    await tabTo(page, t('settings-open'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, exact: true, name: t('settings-title') }).waitFor();
    await page.getByText(t('wallet-delete-stays', { n: 30 })).waitFor();
    await check('settings');
    await tabTo(page, t('wallet-delete-start'));
    await page.keyboard.press('Enter');
    const field = page.getByLabel(t('wallet-delete-confirm-label'), { exact: true });
    await field.waitFor();

    // A wrong pseudonym: a clear message, and nothing is deleted.
    await tabTo(page, t('wallet-delete-confirm-label'));
    await page.keyboard.type(`${pseudonym}x`);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: t('wallet-delete-wrong-pseudonym') }).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await check('settings-wrong-pseudonym');
    assert.equal(sql(server, `SELECT count(*) FROM accounts WHERE id = '${id}'`).trim(), '1');
    assert.equal(found(dump(server)).length, needles.length, 'nothing was deleted');
    assert.equal(blobs(server).length, 2);

    // The right pseudonym (typed in other case), then the passphrase.
    await field.fill('');
    await field.focus();
    await page.keyboard.type(pseudonym.toUpperCase());
    await page.keyboard.press('Enter');
    const secret = page.getByLabel(t('field-passphrase'), { exact: true }).and(page.locator('#delete-secret'));
    await secret.waitFor();
    await check('settings-proof');
    // A wrong passphrase is refused and deletes nothing.
    await secret.focus();
    await page.keyboard.type('not the passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: t('err-login-passphrase') }).waitFor({ timeout: 60_000 });
    assert.equal(sql(server, `SELECT count(*) FROM accounts WHERE id = '${id}'`).trim(), '1');
    await secret.fill('');
    await secret.focus();
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, exact: true, name: t('wallet-deleted-title') }).waitFor({ timeout: 60_000 });
    await check('deleted');
    // The end page names nothing of the wallet, and the header no pseudonym.
    assert.ok(!(await page.locator('body').innerText()).toLowerCase().includes(key), 'the end page names nothing');

    // Nothing of the wallet in any table, nor in the blob directory.
    assert.deepEqual(found(dump(server)), [], 'the database holds nothing of the wallet');
    const left = blobs(server);
    assert.deepEqual(left.map((b) => b.name), [], 'the blob directory holds nothing');
    for (const b of stored) assert.ok(!left.some((l) => l.bytes.equals(b.bytes)));

    // A log-in with that pseudonym fails.
    await page.getByRole('button', { name: t('wallet-deleted-start'), exact: true }).click();
    await page.getByRole('heading', { level: 1, exact: true, name: t('start-title') }).waitFor();
    await openWallet(page, t, pseudonym, passphrase);
    await page.getByRole('alert').filter({ hasText: t('err-login-passphrase') }).waitFor({ timeout: 60_000 });
    assert.deepEqual(problems, [], 'no accessibility problem');
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup();
  }
});
