import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { THUMB_MAX_BYTES, encodeThumb, thumbSize } from './image';
import { newMetadata, parseMetadata, thumbDataUrl } from './metadata';

const base = { title: 'Carte', category: 'identity' as const, fileName: 'carte.jpg', mime: 'image/jpeg', size: 10, date: null, note: null };

describe('thumbnails in the metadata', () => {
  it('travel as {mime, data} and are read back as the same bytes', () => {
    const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 250]);
    const meta = newMetadata({ ...base, thumb: { mime: 'image/webp', data: toBase64(bytes) } });
    const back = parseMetadata(JSON.stringify(meta));
    expect(back.thumb).toEqual({ mime: 'image/webp', data: toBase64(bytes) });
    const url = thumbDataUrl(back)!;
    expect(url).toBe(`data:image/webp;base64,${toBase64(bytes)}`);
    expect([...fromBase64(url.split(',')[1]!)]).toEqual([...bytes]);
  });

  it('are absent from metadata made without one, which stays valid', () => {
    const meta = newMetadata({ ...base, thumb: null });
    expect('thumb' in meta).toBe(false);
    const old = '{"v":1,"title":"t","category":"health","file_name":null,"mime":"application/pdf","size":3,"date":null,"note":null,"added":"2026-01-01T00:00:00Z"}';
    expect(thumbDataUrl(parseMetadata(old))).toBeNull();
  });

  it('are not shown when their type, encoding or size is not one a writer makes, but are kept', () => {
    const shown = (thumb: unknown) => thumbDataUrl(parseMetadata(JSON.stringify({ ...newMetadata(base), thumb })));
    expect(shown({ mime: 'image/svg+xml', data: 'PHN2Zz4=' })).toBeNull();
    expect(shown({ mime: 'image/webp', data: '***' })).toBeNull();
    expect(shown({ mime: 'image/webp', data: 'AAAA"onerror="x' })).toBeNull();
    expect(shown({ mime: 'image/webp', data: 'AAA' })).toBeNull();
    expect(shown({ mime: 'image/webp', data: '' })).toBeNull();
    expect(shown({ mime: 'image/jpeg', data: 'A'.repeat(40_000) })).toBeNull();
    expect(shown('image/webp')).toBeNull();
    expect(shown({ mime: 'image/jpeg', data: 'AAAA' })).not.toBeNull();
    // A rename rewrites the metadata with the field as it was.
    const meta = parseMetadata(JSON.stringify({ ...newMetadata(base), thumb: { mime: 'image/png', data: 'AAAA' } }));
    expect(JSON.parse(JSON.stringify({ ...meta, title: 'Nouveau' })).thumb).toEqual({ mime: 'image/png', data: 'AAAA' });
  });
});

describe('thumbSize', () => {
  it('is 160 px on the long side, keeps the aspect ratio and never enlarges', () => {
    expect(thumbSize(4000, 3000)).toEqual({ width: 160, height: 120 });
    expect(thumbSize(3000, 4000)).toEqual({ width: 120, height: 160 });
    expect(thumbSize(100, 40)).toEqual({ width: 100, height: 40 });
  });
});

describe('encodeThumb', () => {
  /** A canvas whose encoder gives `size(type, q)` bytes, or a PNG for types it cannot encode. */
  const canvas = (size: (type: string, q: number) => number, types = ['image/webp', 'image/jpeg']) => {
    const asked: string[] = [];
    const toBlob = async (type: string, q: number) => {
      asked.push(`${type}@${q}`);
      const t = types.includes(type) ? type : 'image/png';
      return new Blob([new Uint8Array(size(t, q))], { type: t });
    };
    return { asked, toBlob };
  };

  it('makes WebP at the first quality that fits 8 KiB', async () => {
    const c = canvas((_, q) => Math.round(q * 14_000));
    const blob = (await encodeThumb(c.toBlob))!;
    expect(blob.type).toBe('image/webp');
    expect(blob.size).toBeLessThanOrEqual(THUMB_MAX_BYTES);
    expect(c.asked).toEqual(['image/webp@0.7', 'image/webp@0.55']);
  });

  it('makes JPEG where the browser cannot encode WebP', async () => {
    const c = canvas(() => 3000, ['image/jpeg']);
    const blob = (await encodeThumb(c.toBlob))!;
    expect(blob.type).toBe('image/jpeg');
    expect(c.asked).toEqual(['image/webp@0.7', 'image/jpeg@0.7']);
  });

  it('gives up (no thumbnail) when nothing fits', async () => {
    expect(await encodeThumb(canvas(() => THUMB_MAX_BYTES + 1).toBlob)).toBeNull();
  });
});
