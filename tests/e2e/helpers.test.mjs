// Trusted helpers in real browsers (#10). In French: a holder chooses a verified social worker
// and two paper helper cards as 2 of 3 helpers; in a fresh browser, with the pseudonym alone,
// someone asks for help; the holder's next log-in says so; the worker approves after comparing
// the code; a paper card is typed in (first with a typo); before the waiting period nothing
// opens; the server's clock moves 72 hours; the wallet opens, gets a new passphrase and a new
// recovery sheet, every document is there and the old passphrase is refused. In Dutch, on a
// terminal: the holder's open wallet shows "someone asked to recover your wallet" and stops
// the request; with every approval and every card, nothing opens afterwards.
// Both: no helper card, share, W, passphrase, title or plaintext in any request, the server's
// log, the database or the blob store. The server's clock is the test build's clock file.
import assert from 'node:assert/strict';
import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { checkedScreenshotter } from './lib/a11y.mjs';
import { launch, VIEWPORTS } from './lib/browser.mjs';
import { chooseLanguage, confirmSheet, createWallet, generatedPassphrase, invitationToken, joinAsWorker, openWallet, quit, screenshotter, writeNote } from './lib/flows.mjs';
import { messages } from './lib/i18n.mjs';
import { startProxy } from './lib/proxy.mjs';
import { assertDatabaseScanned, findPlaintextRuns, findStrings, requestHaystacks } from './lib/scan.mjs';
import { walletSecrets } from './lib/secrets.mjs';
import { startServer } from './lib/server.mjs';

const h1 = (page, name) => page.getByRole('heading', { level: 1, exact: true, name });
const HOUR = 3600 * 1000;

/** The server's clock: a file of Unix seconds the test build reads (PDE_TEST_CLOCK_FILE). */
function serverClock() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pde-e2e-clock-'));
  const file = path.join(dir, 'now');
  let now = Date.now();
  const write = () => writeFileSync(file, String(Math.floor(now / 1000)));
  write();
  return {
    file,
    advance(ms) {
      now += ms;
      write();
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A worker joins through the operator's invitation and is verified. */
async function verifiedWorker(server, page, t, { proxyUrl, lang, shot }) {
  const org = `Centre de jour ${lang}`;
  assert.match(await server.admin('org', 'add', org), /^organisation: /m);
  const token = invitationToken(await server.admin('worker', 'invite', '--org', org));
  const realName = `Awa Diallo ${lang}`;
  const login = `awa-${lang}-${randomBytes(3).toString('hex')}`;
  const w = await joinAsWorker(page, t, { url: `${proxyUrl}/join#${token}`, lang, realName, login, shot });
  assert.match(await server.admin('worker', 'verify', w.cardCode), /^verified: /m);
  return { ...w, realName, org, login };
}

/**
 * Settings → Helpers: the worker by card code (checked first) and `cards` paper cards, 2 needed;
 * answers the text of each card as printed.
 */
async function chooseHelpers(page, t, worker, cards, shot) {
  await page.getByRole('button', { name: t('settings-open') }).click();
  await h1(page, t('settings-title')).waitFor();
  const section = page.getByTestId('helpers-section');
  await section.getByText(t('helpers-none')).waitFor();
  await section.getByRole('button', { name: t('helpers-choose') }).click();
  await section.getByRole('heading', { name: t('helpers-choose-title') }).waitFor();
  await section.getByRole('button', { name: t('helpers-add-worker') }).click();
  await page.getByLabel(t('field-worker-code'), { exact: true }).fill(worker.cardCode);
  await page.getByRole('button', { name: t('share-find-worker') }).click();
  const facts = page.getByTestId('worker-facts');
  await facts.getByTestId('worker-verified').waitFor();
  assert.equal((await facts.getByTestId('worker-name').textContent()).trim(), worker.realName);
  assert.equal((await facts.getByTestId('worker-organisation').textContent()).trim(), worker.org);
  await shot('helpers-check-worker');
  await page.getByRole('button', { name: t('helpers-worker-yes') }).click();
  for (const label of cards) {
    await section.getByRole('button', { name: t('helpers-add-card') }).click();
    await page.getByLabel(t('helpers-card-label'), { exact: true }).fill(label);
    await page.getByRole('button', { name: t('helpers-card-add') }).click();
  }
  const threshold = page.getByLabel(t('helpers-threshold-label'), { exact: true });
  assert.equal(await threshold.inputValue(), '2', 'two helpers are needed unless the holder chooses otherwise');
  await shot('helpers-chosen');
  await page.getByRole('button', { name: t('helpers-save') }).click();
  const texts = [];
  for (let i = 0; i < cards.length; i++) {
    await section.getByRole('heading', { name: t('helpers-print-title', { n: i + 1, total: cards.length }) }).waitFor({ timeout: 60_000 });
    const card = page.getByTestId('helper-card');
    await card.getByRole('img', { name: t('helper-sheet-qr') }).waitFor();
    assert.ok(!(await card.textContent()).includes(cards[i]), 'the holder’s name for the card is not printed on it');
    texts.push((await card.getByTestId('helper-card-text').textContent()).trim());
    if (i === 0) await shot('helper-card');
    await page.getByRole('button', { name: i + 1 < cards.length ? t('helpers-print-next') : t('helpers-print-done') }).click();
  }
  await section.getByRole('button', { name: t('helpers-done-back') }).click();
  await section.getByTestId('helpers-threshold').filter({ hasText: t('helpers-needed', { k: 2, n: cards.length + 1 }) }).waitFor();
  for (const text of texts) assert.match(text, /^PDEHE LPER1( [0-9A-Z]{1,5})+$/, 'a card is Bech32 in groups of five');
  return texts;
}

/** On a fresh browser: "I lost my passphrase and my recovery sheet", the pseudonym alone; answers the code shown. */
async function askForHelp(page, t, pseudonym, shot) {
  await page.getByRole('button', { name: t('help-start') }).click();
  await h1(page, t('help-title')).waitFor();
  await page.getByLabel(t('field-pseudonym'), { exact: true }).fill(pseudonym);
  await shot('help-ask');
  await page.getByRole('button', { name: t('help-submit') }).click();
  await h1(page, t('help-waiting-title')).waitFor({ timeout: 30_000 });
  const code = (await page.getByTestId('help-code').textContent()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(await page.getByTestId('help-wait').textContent(), /72/, 'the waiting period is said');
  await page.getByText(t('help-others-told')).waitFor();
  return code;
}

/** The worker's "Help requests": the request of `pseudonym` with `code`, approved after the check. */
async function approve(page, t, pseudonym, code, shot) {
  const section = page.getByTestId('help-requests');
  await section.getByRole('button', { name: t('help-requests-refresh') }).click();
  const item = section.getByRole('listitem').filter({ hasText: pseudonym });
  await item.waitFor();
  assert.equal((await item.getByTestId('help-request-code').textContent()).trim(), code, 'the worker sees the code the person sees');
  await item.getByText(t('help-request-compare')).waitFor();
  const approveButton = item.getByRole('button', { name: t('help-request-approve') });
  assert.ok(await approveButton.isDisabled(), 'approving waits for the code check');
  await item.getByRole('checkbox', { name: t('help-request-compared') }).check();
  await shot('help-request');
  await approveButton.click();
  await item.getByText(t('help-request-approved')).waitFor({ timeout: 30_000 });
}

/** A card typed on the recovering screen; `said` is the message expected. */
async function typeCard(page, t, text, said) {
  await page.getByLabel(t('help-card-field'), { exact: true }).fill(text);
  await page.getByRole('button', { name: t('help-card-add') }).click();
  await page.getByText(t(said)).waitFor();
}

/** A typo in a card's text: one character of its data part changed. */
function typo(text) {
  const at = text.length - 8;
  const c = text[at] === 'Q' ? 'P' : 'Q';
  return text.slice(0, at) + c + text.slice(at + 1);
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/**
 * A paper card's share bytes, read by the test's own means (Bech32 data without its checksum,
 * 5 bits to 8), and the card's auth key (docs/formats.md, "Paper helper card"): what the
 * recovering browser sends for a typed card.
 */
function cardShare(text) {
  const lower = text.replace(/[\s-]/g, '').toLowerCase();
  const data = [...lower.slice(lower.lastIndexOf('1') + 1, -6)].map((c) => BECH32.indexOf(c));
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (const v of data) {
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  const share = Buffer.from(bytes);
  const authKey = Buffer.from(hkdfSync('sha256', share, Buffer.alloc(0), 'pde/v1/helper/card-auth', 32));
  return { share, authKey };
}

/** The request's token, from what the recovering browser sent (the page keeps it in memory only). */
function requestToken(proxy) {
  const sent = proxy.records.find((r) => r.url === '/api/v1/help/requests/status');
  assert.ok(sent, 'the recovering browser asked for its request’s state');
  return JSON.parse(sent.body.toString('utf8')).token;
}

/** The forms a secret may take in a haystack: raw text, and its bytes in Base64 and hex. */
function forms(secret) {
  return [secret.text, secret.bytes.toString('base64'), secret.bytes.toString('hex')];
}

/** Every form of a card's text: as printed, without spaces, in lower case. */
function cardForms(text) {
  const compact = text.replaceAll(' ', '');
  return [text, compact, compact.toLowerCase()];
}

function scanAll(proxy, server, needles, plaintexts) {
  const sent = requestHaystacks(proxy.records);
  assert.ok(proxy.records.some((r) => r.url.startsWith('/api/v1/help/requests')), 'the recovering browser’s requests are recorded');
  assert.ok(proxy.records.some((r) => r.url.startsWith('/api/v1/account/helpers')), 'the holder’s helper requests are recorded');
  assert.deepEqual(findStrings(needles, sent), []);
  assert.deepEqual(findPlaintextRuns(plaintexts, sent), []);
  const log = [{ name: 'server log', bytes: server.log() }];
  assert.ok((log[0].bytes.toString('utf8').match(/route="\/api\/v1\//g) ?? []).length > 20, 'the server log is scanned');
  assert.deepEqual(findStrings(needles, log), []);
}

async function scanStored(server, needles, plaintexts) {
  await server.stop();
  const stored = server.storedFiles();
  assertDatabaseScanned(stored, server.database);
  assert.deepEqual(findStrings(needles, stored), []);
  assert.deepEqual(findPlaintextRuns(plaintexts, stored), []);
}

test('French: a worker and paper cards help a holder back in after 72 hours, nothing before', { timeout: 900_000 }, async () => {
  const lang = 'fr';
  const t = messages(lang);
  const clock = serverClock();
  const server = await startServer({ PDE_TEST_CLOCK_FILE: clock.file });
  const proxy = await startProxy(server.url);
  const holder = await launch(VIEWPORTS.phone);
  const worker = await launch(VIEWPORTS.terminal);
  const recovering = await launch(VIEWPORTS.phone);
  const browsers = [holder, worker, recovering];
  for (const b of browsers) b.page.setDefaultTimeout(30_000);
  const [hp, wp, rp] = browsers.map((b) => b.page);
  const a11y = [];
  const hshot = checkedScreenshotter(screenshotter, hp, 'helpers-fr-holder', a11y);
  const wshot = checkedScreenshotter(screenshotter, wp, 'helpers-fr-worker', a11y);
  const rshot = checkedScreenshotter(screenshotter, rp, 'helpers-fr-recovering', a11y);
  try {
    const marker = `pdehelp${randomBytes(6).toString('hex')}`;
    const titles = [`Carte d’identité ${marker}`, `Attestation ${marker}`];
    const texts = [`Mon numéro national ${marker} est noté ici.`, `Rendez-vous au CPAS ${marker} le mardi.`];
    const w = await verifiedWorker(server, wp, t, { proxyUrl: proxy.url, lang, shot: wshot });

    await hp.goto(proxy.url);
    await chooseLanguage(hp, t, lang);
    const h = await createWallet(hp, t);
    await confirmSheet(hp, t, h.code);
    for (let i = 0; i < titles.length; i++) await writeNote(hp, t, { title: titles[i], text: texts[i] });
    const cards = await chooseHelpers(hp, t, w, ['Centre de jour Porte de Hal', 'Sam'], hshot);
    await quit(hp, t);
    // W, from the recovery code, by the test's own means (not through the page).
    const secrets = await walletSecrets(server.url, h.pseudonym, h.code);

    // A fresh browser, the pseudonym alone.
    await rp.goto(proxy.url);
    await chooseLanguage(rp, t, lang);
    const code = await askForHelp(rp, t, h.pseudonym, rshot);
    await rshot('help-waiting');

    // The holder's next log-in says someone asked (and the holder lets it go on).
    await openWallet(hp, t, h.pseudonym, h.passphrase);
    const banner = hp.getByTestId('help-banner');
    await banner.getByRole('heading', { name: t('help-banner-title') }).waitFor({ timeout: 60_000 });
    assert.match(await banner.textContent(), new RegExp(code), 'the banner shows the request’s code');
    await hshot('help-banner');
    await quit(hp, t);

    // The worker compares the code and approves.
    await approve(wp, t, h.pseudonym, code, wshot);

    // A paper card: first with a typo, then as printed but in lower case.
    await typeCard(rp, t, typo(cards[0]), 'help-card-mistyped');
    assert.equal(await rp.getByLabel(t('help-card-field'), { exact: true }).getAttribute('aria-invalid'), 'true');
    await rshot('help-card-mistyped');
    await typeCard(rp, t, cards[0].toLowerCase(), 'help-card-added');
    await rp.getByRole('button', { name: t('help-check-again') }).click();
    await rp.getByTestId('help-status').filter({ hasText: t('help-status-open', { approvals: 1, cards: 1 }) }).waitFor();

    // Before the waiting period, the wallet stays closed.
    clock.advance(71 * HOUR);
    await rp.getByRole('button', { name: t('help-open') }).click();
    await rp.getByRole('alert').filter({ hasText: t('help-not-ready', { time: '' }).split(':')[0] }).waitFor();
    assert.equal(await h1(rp, t('wallet-title')).count(), 0);
    assert.equal(await h1(rp, t('help-opened-title')).count(), 0);

    clock.advance(1 * HOUR + 60_000);
    await rp.getByRole('button', { name: t('help-open') }).click();
    await h1(rp, t('help-opened-title')).waitFor({ timeout: 60_000 });
    await rshot('help-opened');
    await rp.getByRole('button', { name: t('help-opened-next') }).click();
    const newPassphrase = await generatedPassphrase(rp);
    await rp.getByRole('button', { name: t('recover-new-submit') }).click();
    const newCode = (await rp.getByTestId('recovery-code').textContent({ timeout: 60_000 })).trim();
    await rp.getByRole('button', { name: t('sheet-kept') }).click();
    await rp.getByLabel(t('confirm-label', { n: 3 }), { exact: true }).fill(newCode.split('-')[2]);
    await rp.getByRole('button', { name: t('confirm-submit') }).click();
    await h1(rp, t('help-renew-title')).waitFor();
    await rshot('help-renew');
    await rp.getByRole('button', { name: t('recover-saved-continue') }).click();
    await h1(rp, t('wallet-title')).waitFor();
    for (const title of titles) await rp.locator('button.doc', { hasText: title }).waitFor({ timeout: 60_000 });

    // The old passphrase is refused, the new one opens.
    await quit(rp, t);
    await openWallet(rp, t, h.pseudonym, h.passphrase);
    await rp.getByRole('alert').filter({ hasText: t('err-login-passphrase') }).waitFor({ timeout: 60_000 });
    await openWallet(rp, t, h.pseudonym, newPassphrase);
    await h1(rp, t('wallet-title')).waitFor({ timeout: 60_000 });
    for (const title of titles) await rp.locator('button.doc', { hasText: title }).waitFor({ timeout: 60_000 });

    for (const b of browsers) assert.deepEqual(b.problems.filter((p) => p.startsWith('pageerror')), [], 'no script errors');
    assert.deepEqual(a11y, [], 'no accessibility problem on any screen');

    // The typed card reached the server as its auth key only.
    const released = proxy.records.filter((r) => r.url === '/api/v1/help/requests/release').map((r) => JSON.parse(r.body.toString('utf8')));
    assert.ok(released.some((b) => b.cards.includes(cardShare(cards[0]).authKey.toString('base64'))), 'the card’s auth key was sent');
    const needles = [marker, ...titles, ...cards.flatMap(cardForms), ...forms(secrets.wallet), h.passphrase, newPassphrase, newCode, w.passphrase];
    const plaintexts = [
      ...texts.map((s, i) => ({ name: `note ${i}`, bytes: Buffer.from(s, 'utf8') })),
      ...cards.map((c, i) => ({ name: `card ${i} share`, bytes: cardShare(c).share })),
    ];
    scanAll(proxy, server, needles, plaintexts);
    await scanStored(server, needles, plaintexts);
  } catch (e) {
    for (const [shot, name] of [[hshot, 'holder'], [wshot, 'worker'], [rshot, 'recovering']]) await shot(`failure-${name}`).catch(() => undefined);
    const problems = browsers.map((b) => b.problems.join('\n')).join('\n---\n');
    throw new Error(`${e.message}\n--- browsers ---\n${problems}\n--- server ---\n${server.stderr()}`, { cause: e });
  } finally {
    for (const b of browsers) await b.close();
    await proxy.stop();
    await server.stop();
    server.cleanup();
    clock.cleanup();
  }
});

test('Dutch, terminal: the open wallet stops the request, and nothing opens even with every helper', { timeout: 900_000 }, async () => {
  const lang = 'nl';
  const t = messages(lang);
  const clock = serverClock();
  const server = await startServer({ PDE_TEST_CLOCK_FILE: clock.file });
  const proxy = await startProxy(server.url);
  const holder = await launch(VIEWPORTS.terminal);
  const worker = await launch(VIEWPORTS.terminal);
  const recovering = await launch(VIEWPORTS.terminal);
  const browsers = [holder, worker, recovering];
  for (const b of browsers) b.page.setDefaultTimeout(30_000);
  const [hp, wp, rp] = browsers.map((b) => b.page);
  const a11y = [];
  const hshot = checkedScreenshotter(screenshotter, hp, 'helpers-nl-holder', a11y);
  const wshot = checkedScreenshotter(screenshotter, wp, 'helpers-nl-worker', a11y);
  const rshot = checkedScreenshotter(screenshotter, rp, 'helpers-nl-recovering', a11y);
  try {
    const marker = `pdestop${randomBytes(6).toString('hex')}`;
    const title = `Verblijfskaart ${marker}`;
    const text = `Mijn adres bij ${marker} is geheim.`;
    const w = await verifiedWorker(server, wp, t, { proxyUrl: proxy.url, lang, shot: wshot });

    await hp.goto(proxy.url);
    await chooseLanguage(hp, t, lang);
    const h = await createWallet(hp, t);
    await confirmSheet(hp, t, h.code);
    await writeNote(hp, t, { title, text });
    const cards = await chooseHelpers(hp, t, w, ['Dagcentrum', 'Broer'], hshot);
    await hp.goBack();
    await h1(hp, t('wallet-title')).waitFor();
    const secrets = await walletSecrets(server.url, h.pseudonym, h.code);

    await rp.goto(proxy.url);
    await chooseLanguage(rp, t, lang);
    const code = await askForHelp(rp, t, h.pseudonym, rshot);
    // Every helper says yes: the worker, and both cards.
    await approve(wp, t, h.pseudonym, code, wshot);
    await typeCard(rp, t, cards[0], 'help-card-added');
    await typeCard(rp, t, cards[1], 'help-card-added');

    // The wallet still open on the terminal is told, and stops it.
    const banner = hp.getByTestId('help-banner');
    await banner.getByRole('heading', { name: t('help-banner-title') }).waitFor({ timeout: 60_000 });
    assert.match(await banner.textContent(), new RegExp(code));
    await hshot('help-banner');
    await banner.getByRole('button', { name: t('help-banner-cancel') }).click();
    await hp.getByTestId('help-cancelled').waitFor();
    assert.equal(await hp.getByTestId('help-banner').count(), 0);

    clock.advance(72 * HOUR + 60_000);
    await rp.getByRole('button', { name: t('help-check-again') }).click();
    await rp.getByTestId('help-status').filter({ hasText: t('help-status-cancelled') }).waitFor({ timeout: 30_000 });
    assert.equal(await rp.getByRole('button', { name: t('help-open') }).count(), 0, 'a stopped request offers nothing to open');
    assert.equal(await h1(rp, t('help-opened-title')).count(), 0);
    assert.equal(await h1(rp, t('wallet-title')).count(), 0);
    await rshot('help-stopped');
    // And the server gives nothing for it, with the worker's approval and both cards.
    const release = await fetch(`${server.url}/api/v1/help/requests/release`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pde-client': '1' },
      body: JSON.stringify({ token: requestToken(proxy), cards: cards.map((c) => cardShare(c).authKey.toString('base64')) }),
    });
    assert.equal(release.status, 410);
    assert.equal((await release.json()).error.code, 'help_request_ended');

    for (const b of browsers) assert.deepEqual(b.problems.filter((p) => p.startsWith('pageerror')), [], 'no script errors');
    assert.deepEqual(a11y, [], 'no accessibility problem on any screen');

    const needles = [marker, title, ...cards.flatMap(cardForms), ...forms(secrets.wallet), h.passphrase, w.passphrase];
    const plaintexts = [{ name: 'note', bytes: Buffer.from(text, 'utf8') }, ...cards.map((c, i) => ({ name: `card ${i} share`, bytes: cardShare(c).share }))];
    scanAll(proxy, server, needles, plaintexts);
    await scanStored(server, needles, plaintexts);
  } catch (e) {
    for (const [shot, name] of [[hshot, 'holder'], [wshot, 'worker'], [rshot, 'recovering']]) await shot(`failure-${name}`).catch(() => undefined);
    const problems = browsers.map((b) => b.problems.join('\n')).join('\n---\n');
    throw new Error(`${e.message}\n--- browsers ---\n${problems}\n--- server ---\n${server.stderr()}`, { cause: e });
  } finally {
    for (const b of browsers) await b.close();
    await proxy.stop();
    await server.stop();
    server.cleanup();
    clock.cleanup();
  }
});
