// Accessibility checks in the browser tests: axe-core's WCAG 2.0/2.1 A and AA rules, run inside the page as it is
// drawn. Government platforms are held to GB/T 37668 (WCAG 2.0 AA in substance); a critical or serious finding fails.
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING: ImpactValue[] = ['critical', 'serious'];

declare global {
  interface Window {
    axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  }
}

export interface AxeOptions {
  /** CSS selectors left out of the check, each with a reason in the caller's comment */
  exclude?: string[];
}

/** Waits until what the page shows has settled: no spinner or skeleton, no animation (a fading drawer has low contrast). */
export async function settled(page: Page, timeout = 30_000) {
  await page.waitForFunction(
    () =>
      !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-spin-dot-spin') &&
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout },
  );
  await page.waitForTimeout(150);
}

/** Runs axe-core in the page and returns every violation (all impacts). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  // the app's Content-Security-Policy (script-src 'self') refuses an inline <script> (page.addScriptTag); the source
  // evaluated through the devtools protocol is not subject to it, and leaves the page's own policy as users get it
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    ([tags, exclude]) => {
      const axe = window.axe;
      if (!axe) throw new Error('axe-core did not load');
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      return axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    [WCAG_TAGS, options.exclude ?? []] as const,
  );
  return results.violations;
}

/** One line per failing element: rule, what to do, where, and the element itself. */
export function describeViolations(label: string, violations: Result[]): string[] {
  return violations
    .filter((v) => FAILING.includes(v.impact ?? null))
    .flatMap((v) =>
      v.nodes.map((n) => {
        const snippet = n.html.replace(/\s+/g, ' ').slice(0, 160);
        const why = n.failureSummary?.split('\n').slice(1, 2).join('').trim();
        return `[${label}] ${v.impact} ${v.id}: ${v.help}\n    at ${n.target.join(' ')}\n    ${snippet}${why ? `\n    ${why}` : ''}`;
      }),
    );
}

/**
 * The critical and serious violations of the page, as readable lines (empty when the page passes). With A11Y_LOG
 * naming a file, every violation of every impact is also appended there as one JSON line (for counting by rule).
 */
export async function accessibilityProblems(page: Page, label: string, options: AxeOptions = {}): Promise<string[]> {
  const violations = await axeViolations(page, options);
  if (process.env.A11Y_LOG) {
    const counts = violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.length }));
    appendFileSync(process.env.A11Y_LOG, `${JSON.stringify({ label, url: page.url(), counts })}\n`);
  }
  return describeViolations(label, violations);
}

/** Fails listing each critical or serious violation of the page (rule id, help, target selector, snippet). */
export async function expectAccessible(page: Page, label: string, options: AxeOptions = {}) {
  const problems = await accessibilityProblems(page, label, options);
  expect(problems, `accessibility of ${label}:\n${problems.join('\n')}`).toEqual([]);
}
