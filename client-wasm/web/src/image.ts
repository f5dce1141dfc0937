/** Downscales large photos in the browser before encryption, and makes the list's thumbnails. */
import { toBase64 } from './base64';
import type { ThumbField } from './metadata';

export const MAX_IMAGE_SIDE = 2000;
export const DOWNSCALABLE = ['image/jpeg', 'image/png', 'image/webp'];

/** Target size keeping the aspect ratio, or null when the image is small enough. */
export function scaledSize(width: number, height: number, max = MAX_IMAGE_SIDE): { width: number; height: number } | null {
  const long = Math.max(width, height);
  if (long <= max) return null;
  const f = max / long;
  return { width: Math.max(1, Math.round(width * f)), height: Math.max(1, Math.round(height * f)) };
}

/**
 * Returns a JPEG of at most MAX_IMAGE_SIDE pixels on its long side, or the file itself if
 * it is not a downscalable image, already small, or cannot be decoded. Re-encoding also
 * drops the photo's EXIF data (place, camera).
 */
export async function downscaleImage(file: Blob): Promise<Blob> {
  if (!DOWNSCALABLE.includes(file.type)) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = scaledSize(bitmap.width, bitmap.height);
    if (!size) return file;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    canvas.width = canvas.height = 0;
    return blob ?? file;
  } finally {
    bitmap.close();
  }
}

/** The thumbnail's long side in pixels (the list shows it at 64 CSS px, sharp at 2.5×). */
export const THUMB_SIDE = 160;
/** The most bytes a thumbnail may have (before Base64): the metadata stays small (formats.md). */
export const THUMB_MAX_BYTES = 8 * 1024;
/** Qualities tried in turn until the thumbnail fits THUMB_MAX_BYTES. */
const THUMB_QUALITIES = [0.7, 0.55, 0.4, 0.25];

/** The thumbnail's size: THUMB_SIDE on the long side, aspect kept, never enlarged. */
export function thumbSize(width: number, height: number): { width: number; height: number } {
  return scaledSize(width, height, THUMB_SIDE) ?? { width, height };
}

/**
 * Encodes a canvas as WebP, or as JPEG where the browser cannot encode WebP (toBlob then
 * gives a PNG), lowering the quality until it fits `maxBytes`. Null if nothing fits.
 */
export async function encodeThumb(
  toBlob: (type: string, quality: number) => Promise<Blob | null>,
  maxBytes = THUMB_MAX_BYTES,
): Promise<Blob | null> {
  let type: 'image/webp' | 'image/jpeg' = 'image/webp';
  for (const q of THUMB_QUALITIES) {
    let blob = await toBlob(type, q);
    if (blob && blob.type !== type && type === 'image/webp') {
      type = 'image/jpeg';
      blob = await toBlob(type, q);
    }
    if (blob && blob.type === type && blob.size > 0 && blob.size <= maxBytes) return blob;
  }
  return null;
}

/**
 * Makes the list's thumbnail of a JPEG, PNG or WebP photo, in the browser. Null when the
 * file is not such a photo or cannot be decoded (it is then stored without one). PDFs get
 * none: Chromium has no API that renders a PDF page to a canvas, and a PDF renderer is too
 * big for a cheap phone's data plan.
 */
export async function makeThumbnail(file: Blob): Promise<Blob | null> {
  if (!DOWNSCALABLE.includes(file.type)) return null;
  let bitmap: ImageBitmap;
  try {
    // Decoded and scaled to THUMB_SIDE wide off the main thread: drawing a 12-megapixel bitmap
    // into the small canvas instead held the main thread 100-150 ms at 4x CPU slow-down
    // (about 60 ms this way). A portrait photo is then scaled down once more, from this.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image', resizeWidth: THUMB_SIDE, resizeQuality: 'high' });
  } catch {
    return null;
  }
  try {
    if (!bitmap.width || !bitmap.height) return null;
    const size = thumbSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.imageSmoothingQuality = 'high';
    // A transparent PNG becomes white, as a paper is (JPEG has no transparency).
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await encodeThumb((type, q) => new Promise((resolve) => canvas.toBlob(resolve, type, q)));
    canvas.width = canvas.height = 0;
    return blob;
  } finally {
    bitmap.close();
  }
}

/** The `thumb` field of the metadata for a thumbnail made by makeThumbnail. */
export async function thumbField(blob: Blob): Promise<ThumbField> {
  return { mime: blob.type as ThumbField['mime'], data: toBase64(new Uint8Array(await blob.arrayBuffer())) };
}
