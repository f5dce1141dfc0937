import { describe, expect, it } from 'vitest';
import { cardQrText, codeOfFingerprint, readWorkerCard, recipientFingerprint, recipientMatchesCard } from './worker-key';

// The example of docs/sharing.md (also pinned in the server's worker_code.rs).
const RECIPIENT = 'age15kf8u3lzgwmnu3dm9mf8knsleayaplyp574fvld3r9cgzqep2euqsydhnq';
const FINGERPRINT_HEX = 'a2c2fb04b2cbf641c1ba89e8c0c9249973a02fc145ede40c1125e6d1368293d5';
const CODE = 'MB1F-P15J-Q';
const QR = 'pde-worker:1:osL7BLLL9kHBuonowMkkmXOgL8FF7eQMESXm0TaCk9U';
const OTHER = 'age1qvmdz8h5a9caz9d9qhshhm32z7gweaahx9fpn4pvxmwv0uuv4ehq3qtpdh';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('worker keys', () => {
  it('derives the documented fingerprint, code and QR text', async () => {
    const fp = await recipientFingerprint(RECIPIENT);
    expect(hex(fp)).toBe(FINGERPRINT_HEX);
    expect(codeOfFingerprint(fp)).toBe(CODE);
    expect(cardQrText(fp)).toBe(QR);
  });

  it('reads a card QR code, a typed code and an old card QR code', () => {
    const qr = readWorkerCard(QR)!;
    expect(qr.code).toBe(CODE);
    expect(hex(qr.fingerprint!)).toBe(FINGERPRINT_HEX);
    expect(readWorkerCard(' mb1f p15j q ')).toEqual({ code: CODE, fingerprint: null });
    expect(readWorkerCard('MB1F-P15J-Q')).toEqual({ code: CODE, fingerprint: null });
    for (const bad of ['', 'https://example.org', 'pde-worker:1:short', `${QR}x`, 'pde-worker:2:osL7BLLL9kHBuonowMkkmXOgL8FF7eQMESXm0TaCk9U', 'MB1F-P15J-R']) {
      expect(readWorkerCard(bad), bad).toBeNull();
    }
  });

  it('accepts the right key and refuses another, from the QR and from the typed code', async () => {
    const qr = readWorkerCard(QR)!;
    const typed = readWorkerCard(CODE)!;
    expect(await recipientMatchesCard(RECIPIENT, qr)).toBe(true);
    expect(await recipientMatchesCard(RECIPIENT, typed)).toBe(true);
    expect(await recipientMatchesCard(OTHER, qr)).toBe(false);
    expect(await recipientMatchesCard(OTHER, typed)).toBe(false);
    // A key whose first 40 bits match but the rest not: the typed code cannot tell, the QR can.
    const forged = { code: CODE, fingerprint: Uint8Array.from(qr.fingerprint!, (b, i) => (i === 31 ? b ^ 1 : b)) };
    expect(await recipientMatchesCard(RECIPIENT, forged)).toBe(false);
  });
});
