import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIR } from './paths.mjs';

/**
 * Reads the app's own .ftl files, so the tests find elements by the names a person sees in
 * each language. Handles single-line messages with `{ $var }` placeables (enough for tests).
 */
export function messages(lang) {
  const src = readFileSync(path.join(WEB_DIR, 'src', 'locales', `${lang}.ftl`), 'utf8');
  const out = new Map();
  for (const line of src.split('\n')) {
    const m = /^([a-z][a-z0-9_-]*)\s*=\s*(.*)$/.exec(line);
    if (m && m[2].trim()) out.set(m[1], m[2].trim());
  }
  const t = (id, args = {}) => {
    const v = out.get(id);
    if (v === undefined) throw new Error(`no message ${id} in ${lang}.ftl`);
    return v.replace(/\{\s*\$([a-z]+)\s*\}/g, (_, k) => {
      if (!(k in args)) throw new Error(`message ${id} needs $${k}`);
      return String(args[k]);
    });
  };
  return t;
}
