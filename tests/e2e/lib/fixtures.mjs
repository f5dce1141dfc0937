import { randomBytes } from 'node:crypto';

/** A small valid PDF (one page, one line of text) whose text contains `marker`. */
export function makePdf(marker) {
  const text = `PDE test document ${marker}`;
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  // A comment with random bytes makes every PDF unique (and long enough for run checks).
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${randomBytes(16).toString('hex')}> <${randomBytes(16).toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A realistic 12-megapixel photo (4000×3000 JPEG: gradients, shapes, noise) drawn by the
 * browser on a blank page and exported with toBlob, like a phone camera's file; `size`
 * makes a smaller one of the same picture.
 */
export async function makePhoto(context, marker, size = { width: 4000, height: 3000 }) {
  const page = await context.newPage();
  try {
    await page.goto('about:blank');
    const b64 = await page.evaluate(async ({ label, width, height }) => {
      const w = 4000;
      const h = 3000;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      ctx.scale(width / w, height / h);
      const g = ctx.createLinearGradient(0, 0, w, h);
      g.addColorStop(0, '#d8c7a0');
      g.addColorStop(0.5, '#8fb3c9');
      g.addColorStop(1, '#3e5a3a');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      const r = ctx.createRadialGradient(w * 0.3, h * 0.4, 50, w * 0.3, h * 0.4, 1500);
      r.addColorStop(0, 'rgba(255,255,240,0.8)');
      r.addColorStop(1, 'rgba(255,255,240,0)');
      ctx.fillStyle = r;
      ctx.fillRect(0, 0, w, h);
      // a "card" with text, like a photographed document
      ctx.fillStyle = '#f4f1ea';
      ctx.fillRect(600, 500, 2800, 1800);
      ctx.fillStyle = '#222';
      ctx.font = 'bold 140px sans-serif';
      ctx.fillText(label, 750, 900);
      ctx.font = '90px sans-serif';
      for (let i = 0; i < 8; i++) ctx.fillText(`Ligne ${i + 1} — Regel ${i + 1} — ${label}`, 750, 1150 + i * 130);
      // sensor noise
      const img = ctx.getImageData(0, 0, width, height);
      const d = img.data;
      let seed = 12345;
      for (let i = 0; i < d.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = (seed % 41) - 20;
        d[i] = Math.max(0, Math.min(255, d[i] + n));
        d[i + 1] = Math.max(0, Math.min(255, d[i + 1] + n));
        d[i + 2] = Math.max(0, Math.min(255, d[i + 2] + n));
      }
      ctx.putImageData(img, 0, 0);
      const blob = await new Promise((res) => canvas.toBlob(res, 'image/jpeg', 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }, { label: marker, ...size });
    return Buffer.from(b64, 'base64');
  } finally {
    await page.close();
  }
}
