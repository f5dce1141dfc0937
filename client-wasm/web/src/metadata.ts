import { isCategory, type Category } from './categories';

/** The MIME types a thumbnail may have (docs/formats.md). */
export const THUMB_MIMES = ['image/webp', 'image/jpeg'] as const;
/** The largest thumbnail a reader shows, in bytes (writers make at most 8 KiB, image.ts). */
export const THUMB_READ_MAX = 16 * 1024;

/** A thumbnail in the metadata JSON: `{"mime","data"}`, `data` its bytes in Base64. */
export interface ThumbField {
  mime: (typeof THUMB_MIMES)[number];
  data: string;
}

/** Metadata JSON v1 (docs/formats.md). Unknown fields are kept on rewrite. */
export interface Metadata {
  v: 1;
  title: string;
  category: Category;
  file_name: string | null;
  mime: string;
  size: number;
  date: string | null;
  note: string | null;
  added: string;
  /** The list's thumbnail (photos only); absent in older metadata. */
  thumb?: ThumbField;
  [extra: string]: unknown;
}

export function newMetadata(fields: {
  title: string;
  category: Category;
  fileName: string | null;
  mime: string;
  size: number;
  date: string | null;
  note: string | null;
  thumb?: ThumbField | null;
  now?: Date;
}): Metadata {
  const meta: Metadata = {
    v: 1,
    title: fields.title,
    category: fields.category,
    file_name: fields.fileName,
    mime: fields.mime || 'application/octet-stream',
    size: fields.size,
    date: fields.date || null,
    note: fields.note || null,
    added: (fields.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  if (fields.thumb) meta.thumb = fields.thumb;
  return meta;
}

/**
 * The thumbnail as a `data:` URL for an `<img>`, or null when the metadata has none or one
 * this reader does not show (another type, not Base64, too big). The field stays in the
 * metadata either way.
 *
 * Not a blob: URL: Chromium registers each blob URL with its browser process in a synchronous
 * call, which for the 200 thumbnails of a list took 1.4 s of the page's main thread at 4× CPU
 * slow-down (a data: URL is made in well under a millisecond), and blob data may be written to
 * disk under memory pressure. A data: URL is a string of the page: it goes with the list.
 */
export function thumbDataUrl(meta: Metadata): string | null {
  const t = meta.thumb as unknown;
  if (!t || typeof t !== 'object') return null;
  const { mime, data } = t as Record<string, unknown>;
  if (typeof mime !== 'string' || !(THUMB_MIMES as readonly string[]).includes(mime)) return null;
  if (typeof data !== 'string' || !data || data.length > Math.ceil(THUMB_READ_MAX / 3) * 4) return null;
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  return `data:${mime};base64,${data}`;
}

/** Parses decrypted metadata; throws if it is not usable metadata v1. */
export function parseMetadata(json: string): Metadata {
  const m = JSON.parse(json) as Record<string, unknown>;
  if (m.v !== 1 || typeof m.title !== 'string' || typeof m.size !== 'number' || typeof m.mime !== 'string') {
    throw new Error('bad metadata');
  }
  if (!isCategory(m.category)) m.category = 'other';
  return m as unknown as Metadata;
}

export type ViewKind = 'image' | 'pdf' | 'text' | 'download';

/** How the app shows a document of this MIME type. */
export function viewKind(mime: string): ViewKind {
  const m = mime.toLowerCase().split(';')[0]!.trim();
  if (m === 'image/jpeg' || m === 'image/png' || m === 'image/webp') return 'image';
  if (m === 'application/pdf') return 'pdf';
  if (m === 'text/plain') return 'text';
  return 'download';
}
