/**
 * A validated Scenario to the numeric Model the event loop runs (src/model/model.ts): names become
 * indices, times become minutes from opening, hourly rates become rates per minute, and every
 * distribution is compiled once. Pure apart from reading the trace file; the same Scenario always
 * compiles to the same Model.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { ArrivalOffset } from '../core/arrival-offset.js';
import { Distribution, type DistributionSpec } from '../core/distributions.js';
import type {
  ArrivalModel,
  AppointmentModel,
  BalkModel,
  BreakdownModel,
  CounterGroupModel,
  CustomerTypeModel,
  KioskModel,
  Model,
} from '../model/model.js';
import { ScenarioError, clip, formatPath } from './errors.js';
import type { Balk, Breakdown, DistributionInput, OffsetDistributionInput, Scenario } from './schema.js';
import { parseClock, toMinutes } from './time.js';
import { readTrace } from './trace.js';

export interface CompileOptions {
  /** Folder of the scenario file: a trace path is relative to it. */
  baseDir: string;
  /** The scenario file, for messages (default: "scenario"). */
  file?: string;
}

/** Compiles a distribution, reporting a refusal by Distribution.from at the field it came from. */
function distribution(spec: DistributionSpec, file: string, path: PropertyKey[]): Distribution {
  return compileLaw(() => Distribution.from(spec), spec, file, path);
}

/** Runs a law's constructor; a refusal (a plain Error) becomes a ScenarioError at `path`. */
function compileLaw<T>(build: () => T, spec: { dist: string }, file: string, path: PropertyKey[]): T {
  try {
    return build();
  } catch (e) {
    throw new ScenarioError({
      file,
      path: formatPath(path),
      found: `a ${spec.dist} distribution it cannot use`,
      expected: clip(String((e as Error)?.message ?? e), 120),
      segments: path,
    });
  }
}

function breakdown(spec: Breakdown | undefined, file: string, path: PropertyKey[]): BreakdownModel | null {
  if (!spec) return null;
  // A plain number is a mean time: exponential, the memoryless model of failures and repairs.
  const asSpec = (v: number | DistributionInput): DistributionSpec => (typeof v === 'number' ? { dist: 'exponential', mean: v } : v);
  return {
    upTime: distribution(asSpec(spec.mtbf), file, [...path, 'mtbf']),
    repair: distribution(asSpec(spec.repair), file, [...path, 'repair']),
  };
}

/** A type's own balking replaces the top-level one; `{}` means never balk. */
function balk(spec: Balk | undefined): BalkModel | null {
  if (!spec || (spec.queueLength === undefined && spec.probability === undefined)) return null;
  return {
    queueLength: spec.queueLength ?? Infinity,
    probabilityByLength: Float64Array.from(spec.probability ?? []),
  };
}

/** Offsets from the slot time; negative values (early arrivals) are allowed. */
function punctuality(spec: OffsetDistributionInput | undefined, file: string): ArrivalOffset | null {
  if (!spec) return null;
  return compileLaw(() => ArrivalOffset.from(spec as DistributionSpec), spec, file, ['appointments', 'punctuality']);
}

/** How a trace path reads in messages: relative to the working folder when that is shorter. */
function displayPath(fullPath: string): string {
  const rel = relative(process.cwd(), fullPath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : fullPath;
}

export function compileScenario(scenario: Scenario, options: CompileOptions): Model {
  const file = options.file ?? 'scenario';
  const openClock = parseClock(scenario.open) ?? 0;
  const minutes = (t: number | string) => toMinutes(t, openClock);
  const horizon = minutes(scenario.horizon);
  const typeNames = Object.keys(scenario.types);
  const typeId = new Map(typeNames.map((name, i) => [name, i]));
  const groupNames = Object.keys(scenario.counters);
  const kiosks = scenario.kiosks && scenario.kiosks.count > 0 ? scenario.kiosks : undefined;

  const types: CustomerTypeModel[] = typeNames.map((name) => {
    const t = scenario.types[name];
    const servedBy = groupNames
      .map((g, id) => (scenario.counters[g].serves.includes(name) ? id : -1))
      .filter((id) => id >= 0);
    return {
      name,
      service: distribution(t.service, file, ['types', name, 'service']),
      patience: t.patience ? distribution(t.patience, file, ['types', name, 'patience']) : null,
      priority: t.priority,
      preempt: t.preempt,
      servedBy: Int32Array.from(servedBy),
      kioskUptake: kiosks ? (Object.prototype.hasOwnProperty.call(kiosks.uptake, name) ? kiosks.uptake[name] : 0) : 0,
      balk: balk(t.balk ?? scenario.balk),
    };
  });

  const shares = typeNames.map((name) => scenario.types[name].share);
  const total = shares.reduce((a, b) => a + b, 0);
  let running = 0;
  const typeCumShare = Float64Array.from(shares, (share, i) => {
    running += share;
    // The last entry is exactly 1 so that a uniform draw below 1 always finds a type.
    return i === shares.length - 1 ? 1 : Math.min(1, running / total);
  });

  const groups: CounterGroupModel[] = groupNames.map((name) => {
    const g = scenario.counters[name];
    const plan = typeof g.staff === 'number' ? [{ at: 0, count: g.staff }] : g.staff;
    const shiftCount = Int32Array.from(plan, (step) => step.count);
    return {
      name,
      shiftAt: Float64Array.from(plan, (step) => minutes(step.at)),
      shiftCount,
      counters: shiftCount.reduce((a, b) => Math.max(a, b), 0),
      breakdown: breakdown(g.breakdown, file, ['counters', name, 'breakdown']),
      ...(g.cost !== undefined ? { cost: g.cost } : {}),
    };
  });

  const kioskModel: KioskModel | null = kiosks
    ? {
        count: kiosks.count,
        service: distribution(kiosks.service, file, ['kiosks', 'service']),
        fallback: kiosks.fallback,
        breakdown: breakdown(kiosks.breakdown, file, ['kiosks', 'breakdown']),
      }
    : null;

  const a = scenario.appointments;
  const appointments: AppointmentModel | null = a
    ? {
        every: a.every,
        perSlot: a.perSlot,
        noShow: a.noShow,
        punctuality: punctuality(a.punctuality, file),
        type: a.type !== undefined ? (typeId.get(a.type) ?? -1) : -1,
        start: minutes(a.start),
      }
    : null;

  return {
    name: scenario.name,
    openClock,
    horizon,
    drain: scenario.drain,
    warmup: minutes(scenario.warmup),
    waitTarget: scenario.waitTarget,
    types,
    typeCumShare,
    arrivals: arrivals(scenario, options.baseDir, { typeNames, openClock, horizon }),
    appointments,
    groups,
    kiosks: kioskModel,
    lineLayout: scenario.queue,
    jockey: scenario.jockey,
  };
}

function arrivals(
  scenario: Scenario,
  baseDir: string,
  context: { typeNames: string[]; openClock: number; horizon: number },
): ArrivalModel {
  const { perHour, profile, trace } = scenario.arrivals;
  if (trace !== undefined) {
    const fullPath = resolve(baseDir, trace);
    return { kind: 'trace', ...readTrace(fullPath, displayPath(fullPath), context) };
  }
  if (profile !== undefined) {
    return {
      kind: 'poisson',
      pieceStart: Float64Array.from(profile, (step) => toMinutes(step.at, context.openClock)),
      ratePerMinute: Float64Array.from(profile, (step) => step.perHour / 60),
    };
  }
  return { kind: 'poisson', pieceStart: Float64Array.of(0), ratePerMinute: Float64Array.of((perHour ?? 0) / 60) };
}
