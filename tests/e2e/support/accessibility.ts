/**
 * axe-core run inside a real page: the WCAG 2.x A and AA rules a screen-reader or keyboard user
 * depends on. Returns the violations as short readable lines, so a failing test names what is wrong.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeOptions {
  /** CSS selectors left out of the check (e.g. a third-party frame). */
  exclude?: string[];
  /** Rule ids switched off, each with the reason in the calling test. */
  disableRules?: string[];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Violations of WCAG 2.0/2.1/2.2 A and AA on the page as it is now; an empty list means none. */
export async function accessibilityViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated rather than added as a <script>: extension pages' CSP (script-src 'self') refuses inline scripts.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ exclude, disableRules }) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } })
        .axe;
      const context = exclude.length > 0 ? { exclude: exclude.map((selector) => [selector]) } : document;
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        rules,
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    { exclude: options.exclude ?? [], disableRules: options.disableRules ?? [] },
  );
  return (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}
