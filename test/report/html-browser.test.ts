/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML report as a person sees it: each bundled scenario's comparison (and one run) is written
 * by the built command, opened in a real headless Chromium (@sparticuz/chromium, driven by
 * playwright-core) and checked: no page or console error, no request leaving the page, every chart
 * drawn at a real size with labelled axes, and every figure on the page equal to the JSON result of
 * the same run. A screenshot of each page goes to test-output/screenshots/ (git-ignored) for a
 * human to look at.
 *
 * Nothing here is timed: the browser's own timeouts are set generously as guards against a hang,
 * and every check waits for a state (the page loaded), never for a duration.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { frontdesk, ROOT } from '../helpers/cli.js';

const OUT = join(ROOT, 'test-output');
const SHOTS = join(OUT, 'screenshots');
const GUARD = 120_000;

/** The reports to open: every bundled scenario compared, and the bank branch run on its own. */
const REPORTS = [
  { name: 'bank-branch-compare', args: ['compare', 'scenarios/bank-branch.yaml'], minCharts: 7 },
  { name: 'bank-branch-run', args: ['run', 'scenarios/bank-branch.yaml'], minCharts: 4 },
  { name: 'service-hall-compare', args: ['compare', 'scenarios/service-hall.yaml'], minCharts: 7 },
  { name: 'hospital-registration-compare', args: ['compare', 'scenarios/hospital-registration.yaml'], minCharts: 7 },
  { name: 'hotel-front-desk-compare', args: ['compare', 'scenarios/hotel-front-desk.yaml'], minCharts: 7 },
  { name: 'bank-branch-run-variant', args: ['run', 'scenarios/bank-branch.yaml', '--variant', 'reorganised'], minCharts: 4 },
  { name: 'bank-staffing-staff', args: ['staff', 'scenarios/bank-staffing.yaml'], minCharts: 2 },
  // A file with a service-level target (staffing.serviceLevel): the run's chart draws it.
  { name: 'bank-staffing-run', args: ['run', 'scenarios/bank-staffing.yaml'], minCharts: 4, slTarget: 80 },
] as Array<{ name: string; args: string[]; minCharts: number; slTarget?: number }>;

/** Few replications: the page is what is tested, not the figures. */
const FAST = ['-n', '4'];

let browser: Browser;
/**
 * One context for every page: the bundled Chromium runs as a single process, which closing a
 * context takes down with it.
 */
let context: BrowserContext;
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const chromium = (await import('@sparticuz/chromium')).default;
  const { chromium: playwright } = await import('playwright-core');
  browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true, timeout: GUARD });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
  // Any request at all (the page should make none) is recorded and refused.
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
}, GUARD * 2);

afterAll(async () => {
  await browser?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A figure cell's summary in the JSON result, found from its data- attributes. */
function lookup(json: Json, variant: string, scope: string, metric: string): { mean: number | null; ci95: [number | null, number | null] | null } | undefined {
  if (json.periods) {
    // The staffing report: `required` is the search's own periods, `roster` the roster's.
    const periods = variant === 'roster' ? json.roster?.periods : json.periods;
    const period = periods?.[Number(scope.slice(7))];
    const [family, group] = metric.split('.');
    // Counters are plain numbers (required, erlang, onDuty per group); figures are summaries.
    if (group !== undefined) return typeof period?.[family]?.[group] === 'number' ? { mean: period[family][group], ci95: null } : undefined;
    return period?.metrics?.[metric];
  }
  if (scope === 'comparison') {
    return json.comparisons?.find((c: Json) => c.variant === variant && c.metric === metric)?.diff;
  }
  const v = json.variants.find((x: Json) => x.name === variant);
  if (!v) return undefined;
  const metrics = scope === 'overall' ? v.metrics : scope.startsWith('type:') ? v.byType[scope.slice(5)] : v.byPeriod[Number(scope.slice(7))]?.metrics;
  if (!metrics) return undefined;
  const dot = metric.indexOf('.');
  return dot < 0 ? metrics[metric] : metrics[metric.slice(0, dot)]?.[metric.slice(dot + 1)];
}

/** `HH:MM` of a moment `minutes` after opening, opening at `open` minutes after midnight, seconds dropped. */
function clockAt(open: number, minutes: number): string {
  const t = Math.floor(open + minutes + 1e-9);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(t / 60) % 24)}:${pad(t % 60)}`;
}

/** Numbers as printed (`−1.2`, `83.4%`), in order. */
function printedNumbers(text: string): Array<{ value: number; decimals: number }> {
  return [...text.replace(/\u2212/g, '-').matchAll(/-?\d+(?:\.(\d+))?/g)].map((m) => ({ value: Number(m[0]), decimals: m[1]?.length ?? 0 }));
}

/** True when `printed` is `exact` rounded to the printed decimals (a count >= 100 to a whole number). */
function rounds(printed: { value: number; decimals: number }, exact: number): boolean {
  return Math.abs(printed.value - exact) <= 0.5 * 10 ** -printed.decimals + 1e-9;
}

describe('the HTML report in a browser', () => {
  for (const report of REPORTS) {
    test(`${report.name}: opens offline with no error, draws its charts, shows the JSON's figures`, async () => {
      const htmlPath = join(OUT, `${report.name}.html`);
      // The format comes from the file's extension (.html), as a planner would type it.
      const env = { SOURCE_DATE_EPOCH: '1796083200' };
      // (staff has its own --format, without the extension rule)
      const out = report.args[0] === 'staff' ? ['--format', 'html', '--out', htmlPath] : ['-o', htmlPath];
      const made = frontdesk([...report.args, ...FAST, ...out], { env });
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      const jsonRun = frontdesk([...report.args, ...FAST, '--format', 'json'], { env });
      expect(jsonRun.code).toBe(0);
      const json = JSON.parse(jsonRun.stdout) as Json;
      const html = readFileSync(htmlPath, 'utf8');

      requests.length = 0;
      const page = await context.newPage();
      page.setDefaultTimeout(GUARD);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(html, { waitUntil: 'load' });

      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('figure.chart')].map((figure) => {
          const svg = [...figure.querySelectorAll('svg')].find((s) => s.querySelector('[aria-label="x-axis label"]'));
          const box = svg?.getBoundingClientRect();
          const text = (label: string) => svg?.querySelector(`[aria-label="${label}"]`)?.textContent?.trim() ?? '';
          return {
            id: figure.id,
            title: figure.querySelector('h3')?.textContent?.trim() ?? '',
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            visible: svg ? getComputedStyle(svg).visibility === 'visible' && getComputedStyle(svg).display !== 'none' : false,
            xLabel: text('x-axis label'),
            yLabel: text('y-axis label'),
            marks: svg?.querySelectorAll('circle, rect, path').length ?? 0,
            tooltips: svg?.querySelectorAll('title').length ?? 0,
            tableCells: figure.querySelectorAll('td.figure').length,
          };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(report.minCharts);
      for (const c of charts) {
        expect(c.title, c.id).not.toBe('');
        expect(c.visible, c.id).toBe(true);
        expect(c.width, c.id).toBeGreaterThan(300);
        expect(c.height, c.id).toBeGreaterThan(100);
        expect(c.xLabel, c.id).toMatch(/\w/);
        expect(c.yLabel, c.id).toMatch(/\w/);
        expect(c.marks, c.id).toBeGreaterThan(5);
        expect(c.tooltips, c.id).toBeGreaterThan(0);
        expect(c.tableCells, c.id).toBeGreaterThan(0);
      }

      const cells = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('td.figure')].map((td) => ({
          variant: td.dataset.variant ?? '',
          scope: td.dataset.scope ?? '',
          metric: td.dataset.metric ?? '',
          kind: td.dataset.kind ?? '',
          open: td.dataset.open ?? '',
          mean: td.dataset.mean ?? '',
          text: td.textContent ?? '',
        })),
      );
      expect(cells.length).toBeGreaterThan(20);
      for (const cell of cells) {
        const where = `${cell.variant} ${cell.scope} ${cell.metric}: "${cell.text}"`;
        const s = lookup(json, cell.variant, cell.scope, cell.metric);
        expect(s, where).toBeDefined();
        if (s!.mean === null) {
          expect(cell.mean, where).toBe('');
          continue;
        }
        expect(Number(cell.mean), where).toBe(s!.mean);
        if (cell.kind === 'clock') {
          // A moment of the day: the mean and the interval's ends as clock times.
          const printed = [...cell.text.matchAll(/\d\d:\d\d/g)].map((m) => m[0]);
          const ends = s!.ci95 ?? [];
          expect(printed, where).toEqual([s!.mean, ...ends].filter((x): x is number => x !== null).map((x) => clockAt(Number(cell.open), x)));
          continue;
        }
        const scale = cell.kind === 'share' || cell.kind === 'points' ? 100 : 1;
        const [mean, lo, hi] = printedNumbers(cell.text);
        expect(rounds(mean, s!.mean * scale), where).toBe(true);
        const ci = s!.ci95;
        expect(Boolean(lo), where).toBe(ci !== null && ci[0] !== null);
        if (lo && ci && ci[0] !== null) expect(rounds(lo, ci[0] * scale), where).toBe(true);
        if (hi && ci && ci[1] !== null) expect(rounds(hi, ci[1] * scale), where).toBe(true);
      }

      if (report.args[0] !== 'staff') {
        // When the hall emptied and the staff it took, per alternative (issue 14), each equal to the JSON (above).
        const staffed = cells.filter((c) => c.scope === 'overall' && /^(lastDeparture|overtime|staffHours\.|cost$)/.test(c.metric));
        const alternatives = json.variants.map((v: Json) => v.name);
        for (const name of alternatives) {
          const mine = staffed.filter((c) => c.variant === name).map((c) => c.metric);
          const groups = Object.keys(json.variants.find((v: Json) => v.name === name).metrics.staffHours);
          expect(mine, name).toEqual(expect.arrayContaining(['lastDeparture', 'overtime', ...groups.map((g) => `staffHours.${g}`)]));
        }
        // The service-level chart draws the file's target line, or says it has none.
        const slChart = await page.evaluate(() => {
          const figure = document.querySelector('figure#service-level-by-period');
          return { text: figure?.textContent ?? '', dashed: figure?.querySelectorAll('line[stroke-dasharray="6 3"], g[stroke-dasharray="6 3"] line').length ?? 0 };
        });
        if (report.slTarget === undefined) {
          expect(slChart.text).toContain('no service-level target in the file');
          expect(slChart.dashed).toBe(0);
        } else {
          expect(slChart.text).toContain(`target ${report.slTarget}%`);
          expect(slChart.dashed).toBeGreaterThan(0);
        }
      }

      await page.screenshot({ path: join(SHOTS, `${report.name}.png`), fullPage: true });
      await page.close();
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
    }, GUARD * 3);
  }
});
