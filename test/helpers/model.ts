/**
 * Builds compiled Models directly, for tests of the event loop that should not depend on the
 * scenario layer. Defaults: one type `walkin`, one group `desk` serving it, one FIFO line.
 */
import { Distribution, type DistributionSpec } from '../../src/core/distributions.js';
import type { BalkModel, CounterGroupModel, CustomerTypeModel, Model } from '../../src/model/model.js';

export interface TypeSketch {
  name?: string;
  share?: number;
  service: DistributionSpec;
  patience?: DistributionSpec;
  priority?: number;
  preempt?: boolean;
  servedBy?: number[];
  kioskUptake?: number;
  balk?: BalkModel;
}

export interface GroupSketch {
  name?: string;
  staff: number | Array<[at: number, count: number]>;
  breakdown?: { upTime: DistributionSpec; repair: DistributionSpec };
  /** Cost of a counter-hour on duty. */
  cost?: number;
}

export interface ModelSketch {
  perHour?: number;
  profile?: Array<[at: number, perHour: number]>;
  trace?: { times: number[]; types?: number[]; service?: number[] };
  types: TypeSketch[];
  groups: GroupSketch[];
  horizon: number;
  warmup?: number;
  drain?: boolean;
  waitTarget?: number;
  lineLayout?: 'single' | 'per-counter';
  jockey?: boolean;
  kiosks?: { count: number; service: DistributionSpec; fallback?: number };
}

export function buildModel(sketch: ModelSketch): Model {
  const shares = sketch.types.map((t) => t.share ?? 1);
  const total = shares.reduce((a, b) => a + b, 0);
  let acc = 0;
  const typeCumShare = Float64Array.from(shares, (s, i) => (i === shares.length - 1 ? 1 : (acc += s / total)));
  const types: CustomerTypeModel[] = sketch.types.map((t, i) => ({
    name: t.name ?? `type${i}`,
    service: Distribution.from(t.service),
    patience: t.patience ? Distribution.from(t.patience) : null,
    priority: t.priority ?? 0,
    preempt: t.preempt ?? false,
    servedBy: Int32Array.from(t.servedBy ?? sketch.groups.map((_, g) => g)),
    kioskUptake: t.kioskUptake ?? 0,
    balk: t.balk ?? null,
  }));
  const groups: CounterGroupModel[] = sketch.groups.map((g, i) => {
    const plan = typeof g.staff === 'number' ? [[0, g.staff] as [number, number]] : g.staff;
    return {
      name: g.name ?? `group${i}`,
      shiftAt: Float64Array.from(plan, ([at]) => at),
      shiftCount: Int32Array.from(plan, ([, count]) => count),
      counters: Math.max(...plan.map(([, count]) => count)),
      breakdown: g.breakdown
        ? { upTime: Distribution.from(g.breakdown.upTime), repair: Distribution.from(g.breakdown.repair) }
        : null,
      ...(g.cost !== undefined ? { cost: g.cost } : {}),
    };
  });
  const profile = sketch.profile ?? [[0, sketch.perHour ?? 0]];
  return {
    name: 'test',
    openClock: 0,
    horizon: sketch.horizon,
    drain: sketch.drain ?? true,
    warmup: sketch.warmup ?? 0,
    waitTarget: sketch.waitTarget ?? 10,
    types,
    typeCumShare,
    arrivals: sketch.trace
      ? {
          kind: 'trace',
          times: Float64Array.from(sketch.trace.times),
          // Code k + 1 is type k, code 0 draws from the shares (as the trace reader codes them).
          typeCodes: Uint32Array.from(sketch.trace.types ?? sketch.trace.times.map(() => -1), (t) => t + 1),
          typeOfCode: Int32Array.from({ length: types.length + 1 }, (_, code) => code - 1),
          service: sketch.trace.service ? Float64Array.from(sketch.trace.service) : null,
        }
      : {
          kind: 'poisson',
          pieceStart: Float64Array.from(profile, ([at]) => at),
          ratePerMinute: Float64Array.from(profile, ([, perHour]) => perHour / 60),
        },
    appointments: null,
    groups,
    kiosks: sketch.kiosks
      ? {
          count: sketch.kiosks.count,
          service: Distribution.from(sketch.kiosks.service),
          fallback: sketch.kiosks.fallback ?? 0,
          breakdown: null,
        }
      : null,
    lineLayout: sketch.lineLayout ?? 'single',
    jockey: sketch.jockey ?? false,
  };
}
