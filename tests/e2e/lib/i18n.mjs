import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIR } from './paths.mjs';

/**
 * Reads the app's own .ftl files, so the tests find elements by the names a person sees in
 * each language. Handles single-line messages with `{ $var }` placeables and plural selects
 * of the form `{ $n -> [0] … [one] … *[other] … }` (enough for the tests).
 */
export function messages(lang) {
  const src = readFileSync(path.join(WEB_DIR, 'src', 'locales', `${lang}.ftl`), 'utf8');
  const out = new Map();
  let select = null;
  for (const line of src.split('\n')) {
    if (select) {
      const v = /^\s*(\*?)\[([a-z0-9]+)\]\s*(.*)$/.exec(line);
      if (v) {
        select.variants.set(v[2], v[3].trim());
        if (v[1]) select.other = v[2];
      } else if (/^\s*\}\s*$/.test(line)) {
        select = null;
      }
      continue;
    }
    const m = /^([a-z][a-z0-9_-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const sel = /^\{\s*\$([a-z]+)\s*->\s*$/.exec(m[2].trim());
    if (sel) {
      select = { variable: sel[1], variants: new Map(), other: null };
      out.set(m[1], select);
    } else if (m[2].trim()) {
      out.set(m[1], m[2].trim());
    }
  }
  const fill = (id, v, args) =>
    v.replace(/\{\s*\$([a-z]+)\s*\}/g, (_, k) => {
      if (!(k in args)) throw new Error(`message ${id} needs $${k}`);
      return String(args[k]);
    });
  return (id, args = {}) => {
    const v = out.get(id);
    if (v === undefined) throw new Error(`no message ${id} in ${lang}.ftl`);
    if (typeof v === 'string') return fill(id, v, args);
    const n = args[v.variable];
    const key = v.variants.has(String(n)) ? String(n) : Number(n) === 1 && v.variants.has('one') ? 'one' : v.other;
    return fill(id, v.variants.get(key), args);
  };
}
