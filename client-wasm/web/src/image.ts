/** Downscales large photos in the browser before encryption. */

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
