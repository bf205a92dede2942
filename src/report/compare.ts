/**
 * The report of a comparison (`frontdesk compare`): the variants side by side, baseline first, on
 * the figures a planner decides with. Each variant's cell carries its change against the baseline
 * and a `*` when that change is significant, so "two more kiosks: −43% wait" is not mistaken for
 * a fact when the replications cannot tell it from noise.
 */
import type { Comparison, Result, Summary, VariantResult } from '../runner/result.js';
import { infoOf, labelOf, own, periodScope, saysNothing, summarySegments, unionKeys } from './common.js';
import type { Block, Cell, Column, Segment, Tone } from './document.js';
import { formatPeriod, NO_VALUE } from './format.js';
import { formatChange, groupOf, type MetricInfo } from './metrics.js';

/** Rows of the comparison, in decision order; utilisation per group goes after `balked`. */
const BEFORE_UTILISATION = ['waitMean', 'waitP90', 'serviceLevel', 'abandonShare', 'abandoned', 'balked'];
const AFTER_UTILISATION = ['throughputPerHour', 'kioskShare', 'interrupted', 'lastDeparture', 'overtime'];
/** Last: what the alternative costs in staff (staff-hours per group, then their cost). */
const STAFF_ROWS = ['cost'];
/** Rows per customer type: how long they wait, how many are served in time, how many give up (as a share of the type's arrivals). */
const TYPE_ROWS = ['waitMean', 'waitP90', 'serviceLevel', 'abandonShare', 'abandoned'];

export const LEGEND = [
  '± half-width of the 95% confidence interval over replications (percentage points for shares).',
  '(…) change against the baseline: percent of the baseline mean; pts = percentage points for shares.',
  '* significant: the 95% CI of the paired difference (common random numbers) excludes 0.',
];

/**
 * @param perPanel how many variants share a table with the baseline; more variants than that are
 *   shown in further tables, each repeating the baseline, so that a table fits the terminal.
 */
export function compareBlocks(result: Result, perPanel = Infinity): Block[] {
  const [baseline, ...others] = result.variants;
  const present = unionKeys(result.variants.map((v) => v.metrics));
  const has = new Set(present);
  // Balking is often not configured; a row of zeros would only push the others apart.
  // Nor are breakdowns: no interruptions and full availability say nothing.
  const everyVariant = result.variants.map((v) => v.metrics);
  const shown = (k: string) =>
    has.has(k) &&
    (k !== 'balked' || result.variants.some((v) => (own(v.metrics, k)?.mean ?? 0) !== 0)) &&
    !saysNothing(k, everyVariant);
  const keys = [
    ...BEFORE_UTILISATION.filter(shown),
    ...present.filter((k) => groupOf(k, 'utilization') !== null),
    ...present.filter((k) => groupOf(k, 'availability') !== null && shown(k)),
    ...AFTER_UTILISATION.filter(shown),
    ...present.filter((k) => groupOf(k, 'staffHours') !== null),
    ...STAFF_ROWS.filter(shown),
  ];
  const comparisons = new Map<string, Comparison>();
  for (const c of result.comparisons ?? []) comparisons.set(`${c.variant}\u0000${c.metric}`, c);

  const typeComparisons = new Map<string, Comparison>();
  for (const c of result.typeComparisons ?? []) typeComparisons.set(`${c.variant}\u0000${c.type}\u0000${c.metric}`, c);
  const types = Object.keys(baseline.byType);
  const typeHas = (k: string) => result.variants.some((v) => types.some((t) => own(v.byType[t] ?? {}, k) !== undefined));
  // Abandonment as a share of the type's arrivals where the result has it, else as a count.
  const typeKeys = TYPE_ROWS.filter((k) => typeHas(k) && !(k === 'abandoned' && typeHas('abandonShare')));

  const panels: Block[] = [];
  const size = Math.max(1, Math.min(perPanel, others.length));
  for (let first = 0; first < others.length; first += size) {
    const shown = others.slice(first, first + size);
    const which =
      size >= others.length
        ? ''
        : shown.length === 1
          ? `, variant ${first + 1} of ${others.length}`
          : `, variants ${first + 1}\u2013${first + shown.length} of ${others.length}`;
    const alternatives = [baseline, ...shown].map((v): Column => ({ header: v.name, align: 'right' }));
    // A counter group none of this panel's alternatives has (another variant's merged windows) is no row here.
    const inPanel = keys.filter((key) => [baseline, ...shown].some((v) => own(v.metrics, key) !== undefined));
    const rows = inPanel.map((key): Cell[] => [
      labelOf(result, key, true),
      ...[baseline, ...shown].map((v, i) => figureCell(own(v.metrics, key), infoOf(result, key), i === 0 ? undefined : comparisons.get(`${v.name}\u0000${key}`))),
    ]);
    panels.push({
      kind: 'table',
      title: `Variants side by side, baseline first (means over replications${which})`,
      columns: [{ header: 'Figure', align: 'left' }, ...alternatives],
      rows,
    });
    // Several customer types: who gains and who pays, type by type, with the same paired test.
    if (types.length > 1 && typeKeys.length > 0) {
      const typeRows = types.flatMap((type) =>
        typeKeys.map((key, k): Cell[] => [
          k === 0 ? type : '',
          labelOf(result, key, true),
          ...[baseline, ...shown].map((v, i) =>
            figureCell(
              v.byType[type] ? own(v.byType[type], key) : undefined,
              infoOf(result, key),
              i === 0 ? undefined : typeComparisons.get(`${v.name}\u0000${type}\u0000${key}`),
            ),
          ),
        ]),
      );
      panels.push({
        kind: 'table',
        title: `By customer type (means over replications${which})`,
        columns: [{ header: 'Type', align: 'left' }, { header: 'Figure', align: 'left' }, ...alternatives],
        rows: typeRows,
      });
    }
    panels.push(...periodTables(result, [baseline, ...shown], alternatives, which));
  }
  return [...panels, { kind: 'text', lines: LEGEND }];
}

/** Figures of the hour-by-hour view of a comparison: when the wait is long, and when the target is missed. */
const PERIOD_ROWS = ['waitMean', 'serviceLevel'];

/**
 * Hour by hour, one table per figure: each alternative's mean with its 95% interval, periods by
 * the customers' arrival time. Periods where no alternative has the figure are left out.
 */
function periodTables(result: Result, alternatives: VariantResult[], columns: Column[], which: string): Block[] {
  const longest = alternatives.reduce((a, v) => (v.byPeriod.length > a.byPeriod.length ? v : a), alternatives[0]);
  if (longest.byPeriod.length === 0) return [];
  const scope = periodScope(alternatives);
  return PERIOD_ROWS.filter((key) => alternatives.some((v) => v.byPeriod.some((p) => own(p.metrics, key) !== undefined))).map(
    (key): Block => {
      const info = infoOf(result, key);
      return {
        kind: 'table',
        title: `${scope.title}: ${labelOf(result, key, true).replace(/^./, (c) => c.toLowerCase())} (means \u00b195% CI; ${scope.note ? `${scope.note}; ` : ''}customers by arrival time${which})`,
        columns: [{ header: 'Period', align: 'left' }, ...columns],
        rows: longest.byPeriod.map((p, i): Cell[] => [
          formatPeriod(result.openClock, p.start, p.end),
          ...alternatives.map((v) => figureCell(v.byPeriod[i] ? own(v.byPeriod[i].metrics, key) : undefined, info, undefined)),
        ]),
      };
    },
  );
}

/** A figure with its interval and, for a variant, its change against the baseline. */
function figureCell(s: Summary | undefined, info: MetricInfo, change: Comparison | undefined): Cell {
  if (!s) return NO_VALUE;
  return [...summarySegments(s, info, false), ...changeSegments(change, info)];
}

/** `(−43%)` and `*`, toned by whether the change is an improvement, only when it is significant. */
function changeSegments(c: Comparison | undefined, info: MetricInfo): Segment[] {
  if (!c) return [];
  let tone: Tone | undefined;
  if (c.significant && info.better !== null && c.diff.mean !== 0) {
    tone = (c.diff.mean < 0) === (info.better === 'lower') ? 'better' : 'worse';
  }
  return [
    { text: `(${formatChange(c.diff.mean, c.pct, info.kind)})`, align: 'right', tone },
    { text: c.significant ? '*' : '', align: 'left', tone },
  ];
}
