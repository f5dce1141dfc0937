import { isCategory, type Category } from './categories';

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
  now?: Date;
}): Metadata {
  return {
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
