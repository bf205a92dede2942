/**
 * The JSON result: the public contract of SCENARIO.md, parsed by tools outside the
 * repository. Its shape is fixed there; this file only maps the Result onto it:
 * - `utilization.<g>` keys nest into `"utilization": { "<g>": S }` and `openCounters.<g>` into
 *   `"openCounters"`, placed where the first such key was, so key order follows the simulator's;
 * - summaries print only `mean`, `sd`, `ci95`, and internal fields (`samples`) are left out;
 * - numbers keep full precision, `-0` prints as `0`, and a non-finite number prints as `null`
 *   (JSON has no NaN or Infinity, and a parser must never choke on our output);
 * - `warnings` appears only when there are any, `comparisons` and `typeComparisons` (the same per
 *   customer type, with `type`) only for compare, `precision` only
 *   with --precision.
 * Objects are built without a prototype, so a customer type named `__proto__` is just a key.
 */
import { figureOf } from '../figures/figures.js';
import type {
  Comparison,
  MetricSummaries,
  PeriodResult,
  Result,
  Summary,
  VariantResult,
} from '../runner/result.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function renderJson(result: Result): string {
  return JSON.stringify(toJson(result), null, 2) + '\n';
}

/** The contract object itself, for callers that embed it rather than print it. */
export function toJson(result: Result): JsonObject {
  const out = obj();
  out.scenario = result.scenario;
  out.seed = num(result.seed);
  out.replications = num(result.replications);
  out.waitTarget = num(result.waitTarget);
  out.variants = result.variants.map(variantJson);
  if (result.precision) {
    const p = obj();
    p.target = num(result.precision.target);
    p.reached = result.precision.reached;
    p.maxReplications = num(result.precision.maxReplications);
    p.notReached = [...result.precision.notReached];
    out.precision = p;
  }
  if (result.comparisons) out.comparisons = result.comparisons.map(comparisonJson);
  if (result.typeComparisons) {
    out.typeComparisons = result.typeComparisons.map((c) => {
      const o = obj();
      o.type = c.type;
      return Object.assign(o, comparisonJson(c));
    });
  }
  if (result.warnings.length > 0) out.warnings = [...result.warnings];
  return out;
}

function variantJson(v: VariantResult): JsonObject {
  const out = obj();
  out.name = v.name;
  out.replications = num(v.replications);
  out.metrics = metricsJson(v.metrics);
  const byType = obj();
  for (const [type, metrics] of Object.entries(v.byType)) byType[type] = metricsJson(metrics);
  out.byType = byType;
  if (v.byPeriodFolded) {
    const fold = obj();
    fold.dayMinutes = num(v.byPeriodFolded.dayMinutes);
    fold.days = num(v.byPeriodFolded.days);
    out.byPeriodFolded = fold;
  }
  out.byPeriod = v.byPeriod.map(periodJson);
  return out;
}

function periodJson(p: PeriodResult): JsonObject {
  const out = obj();
  out.start = num(p.start);
  out.end = num(p.end);
  out.clock = p.clock;
  if (p.days !== undefined) out.days = num(p.days);
  out.metrics = metricsJson(p.metrics);
  return out;
}

function comparisonJson(c: Comparison): JsonObject {
  const out = obj();
  out.variant = c.variant;
  out.metric = c.metric;
  out.diff = summaryJson(c.diff);
  out.pct = c.pct === null ? null : num(c.pct);
  out.significant = c.significant;
  return out;
}

function metricsJson(metrics: MetricSummaries): JsonObject {
  const out = obj();
  const families = new Map<string, JsonObject>();
  for (const [key, s] of Object.entries(metrics)) {
    // Per-group figures nest under their figure's key (figures/figures.ts).
    const known = figureOf(key);
    if (known === null || known.group === null) {
      out[key] = summaryJson(s);
      continue;
    }
    const family = known.figure.key;
    let group = families.get(family);
    if (!group) {
      group = obj();
      families.set(family, group);
      out[family] = group;
    }
    group[known.group] = summaryJson(s);
  }
  return out;
}

function summaryJson(s: Summary): JsonObject {
  const out = obj();
  out.mean = num(s.mean);
  // Below two replications there is no spread: null, never a made-up 0 (SCENARIO.md).
  out.sd = s.sd === null ? null : num(s.sd);
  out.ci95 = s.ci95 === null ? null : [num(s.ci95[0]), num(s.ci95[1])];
  return out;
}

function num(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

function obj(): JsonObject {
  return Object.create(null) as JsonObject;
}
