import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Checks the page as it is shown now with axe-core (WCAG 2.1 A and AA rules: names and labels
 * of controls, roles, contrast, language, headings…). Resolves to one line per problem, empty
 * when there is none. axe is injected through the DevTools protocol, which the page's CSP
 * does not govern; the page itself never loads it.
 */
export async function accessibilityProblems(page, screen) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, TAGS);
  return violations.map((v) => `${screen}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
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
