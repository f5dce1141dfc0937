import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The smallest target WCAG 2.2 AA allows (2.5.8), in CSS px. */
const MIN_TARGET = 24;
/** The widths a page must fit without horizontal scrolling (1.4.10): 320 CSS px, and 200 % zoom. */
const REFLOW_WIDTH = 320;
/** Tab presses after which a page is taken as walked through (no screen has that many controls). */
const MAX_TABS = 90;

/**
 * Checks the page as it is shown now with axe-core (WCAG 2.2 A and AA rules: names and labels
 * of controls, roles, contrast, language, headings, target size…), then what axe does not
 * measure (see `layoutProblems`). Resolves to one line per problem, empty when there is none.
 * axe is injected through the DevTools protocol, which the page's CSP does not govern; the
 * page itself never loads it.
 */
export async function accessibilityProblems(page, screen) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // Seen from the top, as pictured: scrolled, a control half under the sticky header would
  // count as a small target, though scrolling brings it out (focus is checked apart, below).
  const violations = await page.evaluate(async (tags) => {
    const [x, y] = [window.scrollX, window.scrollY];
    window.scrollTo(0, 0);
    try {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    } finally {
      window.scrollTo(x, y);
    }
  }, TAGS);
  const axe = violations.map((v) => `${screen}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
  return [...axe, ...(await layoutProblems(page)).map((p) => `${screen}: ${p}`)];
}

/**
 * What a person sees of the page's controls, beyond axe:
 * - the language picker is in the header (every screen, print aside);
 * - every control is at least 24×24 CSS px (2.5.8; an input inside a label counts with its label);
 * - walking through the page with Tab, every focused control shows a focus ring (2.4.7) and is
 *   not hidden under the sticky header (2.4.11); the focus and scroll position are put back;
 * - the page fits 320 CSS px and half its width (200 % zoom) without horizontal scrolling
 *   (1.4.10); the viewport is put back.
 */
export async function layoutProblems(page) {
  const problems = [];
  if (await page.evaluate(() => matchMedia('print').matches)) return problems;

  problems.push(
    ...(await page.evaluate((min) => {
      const out = [];
      const picker = document.querySelector('header.top #lang-picker');
      if (!picker || picker.getBoundingClientRect().height === 0) out.push('no language picker in the header');
      const name = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
      const controls = document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])');
      for (const e of controls) {
        if (e.closest('[hidden], dialog:not([open])')) continue;
        const own = e.getBoundingClientRect();
        // A checkbox, radio or file input is pressed through its label as well.
        const label = e.tagName === 'INPUT' ? e.closest('label') ?? e.labels?.[0] : null;
        const r = label ? label.getBoundingClientRect() : own;
        if (own.width === 0 && own.height === 0 && !label) continue;
        if (getComputedStyle(e).visibility === 'hidden') continue;
        if (r.width < min - 0.5 || r.height < min - 0.5) out.push(`target smaller than ${min}×${min} px: ${name(e)} is ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return out;
    }, MIN_TARGET)),
  );

  problems.push(...(await focusProblems(page)));

  const viewport = page.viewportSize();
  const widths = [REFLOW_WIDTH, Math.floor(viewport.width / 2)].filter((w, i) => i === 0 || w > REFLOW_WIDTH);
  const scroll = await page.evaluate(() => [window.scrollX, window.scrollY]);
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: Math.max(480, Math.floor(viewport.height / (width === REFLOW_WIDTH ? 1 : 2))) });
      problems.push(
        ...(await page.evaluate(async (w) => {
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const doc = document.documentElement;
          if (doc.scrollWidth <= window.innerWidth + 1) return [];
          const wide = [...document.querySelectorAll('body *')]
            .filter((e) => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1);
            })
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
          return [`scrolls sideways at ${w} CSS px (${doc.scrollWidth} px wide): ${wide.join(', ')}`];
        }, width)),
      );
    }
  } finally {
    await page.setViewportSize(viewport);
    await page.evaluate(([x, y]) => window.scrollTo(x, y), scroll);
  }
  return problems;
}

/** Tabs through the page; see layoutProblems. */
async function focusProblems(page) {
  const problems = [];
  const start = await page.evaluate(() => {
    window.__a11yFocusBefore = document.activeElement;
    return [window.scrollX, window.scrollY];
  });
  const seen = new Set();
  try {
    for (let i = 0; i < MAX_TABS; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const key = e.id || `${e.tagName}:${[...document.querySelectorAll(e.tagName)].indexOf(e)}`;
        const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.getAttribute('aria-label') ?? e.closest('label')?.textContent ?? e.textContent ?? '').trim().slice(0, 40)}"`;
        if (e.tagName === 'IFRAME') return { key, name, iframe: true };
        // The ring is on the element, or on the label that wraps a hidden or small input.
        const ringed = e.tagName === 'INPUT' ? e.closest('label.file-button, label.cat-option, label.pick, label.choice') ?? e : e;
        const style = getComputedStyle(ringed);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const r = e.getBoundingClientRect();
        const header = document.querySelector('header.top');
        const inDialog = !!document.querySelector('dialog[open]');
        const under = !inDialog && header && !header.contains(e) ? header.getBoundingClientRect().bottom : 0;
        const hidden = r.height > 0 && (r.top < under - 1 || r.bottom > window.innerHeight + 1) && r.height <= window.innerHeight - under;
        return { key, name, ring, hidden, iframe: false };
      });
      if (!f) continue;
      if (seen.has(f.key)) break;
      seen.add(f.key);
      // Tab goes into the PDF viewer's own frame and does not come out the same way: stop there.
      if (f.iframe) break;
      if (!f.ring) problems.push(`no visible focus ring on ${f.name}`);
      if (f.hidden) problems.push(`focused ${f.name} is not fully in view below the sticky header`);
    }
  } finally {
    await page.evaluate(([x, y]) => {
      const e = window.__a11yFocusBefore;
      if (e && e !== document.body && e.isConnected) e.focus({ preventScroll: true });
      else document.activeElement?.blur();
      window.scrollTo(x, y);
    }, start);
  }
  if (seen.size === 0) problems.push('Tab reaches no control');
  return problems;
}

/**
 * A screenshotter (see flows.mjs) that also checks each screen it pictures for accessibility
 * problems, adding them to `problems` (failure screenshots are not checked).
 */
export function checkedScreenshotter(screenshotter, page, name, problems) {
  const shot = screenshotter(page, name);
  return async (step) => {
    await shot(step);
    if (!step.startsWith('failure')) problems.push(...(await accessibilityProblems(page, `${name}/${step}`)));
  };
}
