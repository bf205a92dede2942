import { describe, expect, it } from 'vitest';
import { traceService, traceTypes } from '../helpers/trace.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { MINIMAL, fixture, scenarioError } from './helpers.js';

const compiled = (name: string) => {
  const loaded = loadScenario(fixture(name));
  return compileScenario(loaded.scenario, { baseDir: loaded.baseDir, file: name });
};

describe('compileScenario', () => {
  it('compiles the example of SCENARIO.md to the expected numbers', () => {
    const m = compiled('bank-branch.yaml');
    expect(m).toMatchObject({ name: 'Bank branch, today', openClock: 540, horizon: 480, drain: true, warmup: 0, waitTarget: 10, lineLayout: 'single', jockey: false, appointments: null });
    expect(m.types.map((t) => t.name)).toEqual(['consult', 'transaction']);
    expect(Array.from(m.typeCumShare)).toEqual([0.48, 1]);
    expect(m.arrivals).toEqual({ kind: 'poisson', pieceStart: Float64Array.of(0), ratePerMinute: Float64Array.of(1) });

    const [consult, transaction] = m.types;
    expect(consult.service.mean).toBeCloseTo(5, 12);
    expect(consult.service.variance).toBeCloseTo((0.6 * 5) ** 2, 10);
    expect(consult.patience).toBeNull();
    expect(consult.priority).toBe(0);
    expect(consult.kioskUptake).toBe(0.4);
    expect(Array.from(consult.servedBy)).toEqual([0]);
    expect(consult.balk).toBeNull();
    expect(transaction.service.mean).toBe(15);
    expect(transaction.patience?.mean).toBe(30);
    expect(transaction.priority).toBe(1);
    expect(transaction.preempt).toBe(false);
    expect(transaction.kioskUptake).toBe(0);
    expect(Array.from(transaction.servedBy)).toEqual([0]);

    expect(m.groups).toHaveLength(1);
    expect(m.groups[0]).toMatchObject({ name: 'general', counters: 4, breakdown: null });
    expect(Array.from(m.groups[0].shiftAt)).toEqual([0]);
    expect(Array.from(m.groups[0].shiftCount)).toEqual([4]);
    expect(m.kiosks).toMatchObject({ count: 2, fallback: 0.1, breakdown: null });
    expect(m.kiosks?.service.mean).toBeCloseTo(3, 12);
  });

  it('compiles the extensions: clock times, profiles, shifts, balking, breakdowns, appointments', () => {
    const m = compiled('extensions.yaml');
    expect(m.openClock).toBe(450);
    expect(m.horizon).toBe(480);
    expect(m.warmup).toBe(30);
    expect(m.waitTarget).toBe(15);
    expect(m.lineLayout).toBe('per-counter');
    expect(m.jockey).toBe(true);
    expect(m.arrivals).toEqual({ kind: 'poisson', pieceStart: Float64Array.of(0, 90, 270), ratePerMinute: Float64Array.of(20 / 60, 80 / 60, 40 / 60) });
    expect(Array.from(m.typeCumShare)).toEqual([0.25, 1, 1]);

    const [urgent, walkin, booked] = m.types;
    expect(urgent.preempt).toBe(true);
    expect(urgent.priority).toBe(10);
    expect(urgent.balk).toBeNull(); // `balk: {}` overrides the top level: never balks
    expect(Array.from(urgent.servedBy)).toEqual([0, 1]);
    expect(walkin.balk).toEqual({ queueLength: 12, probabilityByLength: Float64Array.of(0, 0, 0.1, 0.2, 0.4) });
    expect(walkin.kioskUptake).toBe(0.25);
    expect(walkin.patience?.mean).toBe(40);
    expect(Array.from(walkin.servedBy)).toEqual([1]);
    expect(booked.kioskUptake).toBe(0);

    const [triage, desks] = m.groups;
    expect(triage.breakdown?.upTime.mean).toBe(240);
    expect(triage.breakdown?.upTime.variance).toBe(240 * 240); // a plain number is exponential
    expect(triage.breakdown?.repair.mean).toBe(10);
    expect(Array.from(desks.shiftAt)).toEqual([0, 90, 330]);
    expect(Array.from(desks.shiftCount)).toEqual([2, 4, 3]);
    expect(desks.counters).toBe(4);
    expect(desks.breakdown).toBeNull();
    expect(m.kiosks?.breakdown?.repair.mean).toBe(30);

    expect(m.appointments).toMatchObject({ every: 15, perSlot: 2, noShow: 0.1, type: 2, start: 30 });
    expect(m.appointments?.punctuality?.mean).toBe(5);
  });

  it('compiles a trace relative to the scenario file', () => {
    const m = compiled('traced.yaml');
    expect(m.arrivals.kind).toBe('trace');
    if (m.arrivals.kind !== 'trace') return;
    expect(Array.from(m.arrivals.times)).toEqual([0, 5, 12.5, 30]);
    expect(traceTypes(m.arrivals)).toEqual([0, 1, -1, 0]);
    expect(traceService(m.arrivals)).toEqual([4.5, NaN, NaN, 7]);
  });

  it('treats zero kiosks as none and makes the last cumulative share exactly 1', () => {
    const text = MINIMAL.replace('types:\n', 'types:\n  a: { share: 0.1, service: { dist: exponential, mean: 5 } }\n  b: { share: 0.2, service: { dist: exponential, mean: 5 } }\n')
      .replace('serves: [consult]', 'serves: [consult, a, b]');
    const loaded = parseScenarioText(`${text}kiosks: { count: 0, uptake: { consult: 1 }, service: { dist: exponential, mean: 2 } }\n`, 'x.yaml');
    const m = compileScenario(loaded.scenario, { baseDir: loaded.baseDir });
    expect(m.kiosks).toBeNull();
    expect(m.types.every((t) => t.kioskUptake === 0)).toBe(true);
    expect(m.typeCumShare[m.typeCumShare.length - 1]).toBe(1);
    expect(m.typeCumShare[0]).toBeCloseTo(0.1 / 1.3, 15);
  });

  it('lists a type under every group that serves it, in scenario order', () => {
    const text = MINIMAL.replace('counters:\n', 'counters:\n  first: { staff: 1, serves: [consult] }\n');
    const loaded = parseScenarioText(`${text.trimEnd()}\n  last: { staff: 1, serves: [consult] }\n`, 'x.yaml');
    const m = compileScenario(loaded.scenario, { baseDir: loaded.baseDir });
    expect(m.groups.map((g) => g.name)).toEqual(['first', 'general', 'last']);
    expect(Array.from(m.types[0].servedBy)).toEqual([0, 1, 2]);
  });

  it('reports a missing trace file', () => {
    const loaded = parseScenarioText(MINIMAL.replace('{ perHour: 60 }', '{ trace: nowhere.csv }'), fixture('virtual.yaml'));
    const error = scenarioError(() => compileScenario(loaded.scenario, { baseDir: loaded.baseDir }));
    expect(error.message).toBe(
      'test/fixtures/scenario/nowhere.csv: (file): found no such file; expected the trace CSV named by arrivals.trace (a path relative to the scenario file)',
    );
  });
});
