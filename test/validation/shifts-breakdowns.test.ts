/**
 * Shift plans and breakdowns: exact laws where they are exact, theory where there is one.
 *
 * Shifts. `openCounters` of a period is the staffed counter-minutes of the period over its length.
 * - When every lowering of the plan finds the hall empty, it is the plan, exactly, in every period
 *   of every replication. The scenario guarantees emptiness: arrivals stop 20 minutes before each
 *   lowering, services last 1–5 minutes and nobody joins a line of 3 or more, so the hall needs at
 *   most 10 minutes to empty.
 * - Without that guarantee a counter that closes while serving stays staffed until its customer
 *   is done, so openCounters lies between the plan and the plan plus (counters closed) × (longest
 *   service) / (period length). (The exact extra minutes on a hand-computed day are checked in
 *   trace-replay.test.ts.)
 *
 * Breakdowns. One counter, Poisson arrivals λ, exponential service of mean E[S] = 1/μ; the counter
 * fails after an exponential up-time of mean 1/α, idle or busy, and is repaired after an
 * exponential time of mean 1/β; the service in progress resumes after the repair.
 * - Availability: the counter is broken a share α/(α + β) of the time, i.e. up mtbf/(mtbf + repair).
 * - A broken counter starts and finishes nobody's service.
 * - Utilisation (time spent serving over staffed time; a broken counter is not busy, even while it
 *   holds a suspended customer): every customer needs E[S] of working time, so it is λ·E[S],
 *   whatever the breakdowns (as long as the counter keeps up). The counter's occupation, service
 *   plus the repairs during it, is E[S]/a with a = β/(α + β): that was the old, inflated figure.
 * - Availability: the share of staffed time not broken, a = β/(α + β).
 * - Services interrupted: the failure clock runs in calendar time while the counter is up (idle,
 *   busy or closed), so failures come at rate α over the up time and, being memoryless, find the
 *   counter busy in the share of up time it serves: α·λ·E[S] interruptions a minute.
 * - Mean time in system: the chain on (n, up/down) solves with generating functions (derivation in
 *   the test below); with D = μ − λ/a,
 *     L = λ·(1 + α(λ + β)/β²)/D + α·a·λ/β²,   T = L/λ,
 *   and the time in line is T − E[S]/a (a customer at a broken counter is in service, not in line).
 */
import { describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import type { Model } from '../../src/model/model.js';
import type { VisitLog } from '../../src/model/visit-log.js';
import type { ReplicationMetrics } from '../../src/runner/result.js';
import { buildModel, type ModelSketch } from '../helpers/model.js';
import { estimate } from '../helpers/replicate.js';
import { expectInside } from './check.js';
import { TEST_SEED } from '../helpers/seed.js';

const SEED = TEST_SEED;
const REPLICATIONS = 30;

describe('a shift plan: openCounters per period', () => {
  // Hourly periods over six hours; the plan changes on the hour: 2, 4, 3, 1, 3, 2 counters.
  const plan: Array<[number, number]> = [
    [0, 2],
    [60, 4],
    [120, 3],
    [180, 1],
    [240, 3],
    [300, 2],
  ];
  const counts = plan.map(([, n]) => n);
  /** Replications with hourly periods. */
  const hourly = (model: Model, replications: number): ReplicationMetrics[] => {
    const desk = new FrontDesk(model, 60);
    return Array.from({ length: replications }, (_, r) => desk.runDay(SEED, r));
  };
  const base: ModelSketch = {
    types: [{ name: 'walkin', service: { dist: 'uniform', min: 1, max: 5 } }],
    groups: [{ name: 'desk', staff: plan }],
    horizon: 360,
  };

  it('is the plan exactly when every lowering finds the hall empty', () => {
    const model = buildModel({
      ...base,
      // 40 an hour, but nobody in the 20 minutes before each lowering (at 120, 180 and 300).
      profile: [
        [0, 40],
        [100, 0],
        [120, 40],
        [160, 0],
        [180, 40],
        [280, 0],
        [300, 40],
      ],
      types: [{ ...base.types[0], balk: { queueLength: 3, probabilityByLength: new Float64Array(0) } }],
    });
    const runs = hourly(model, 10);
    for (const run of runs) {
      expect(run.byPeriod.map((p) => p['openCounters.desk'])).toEqual(counts);
    }
    // The scenario is not idle: customers came, and some met a full line at one counter.
    expect(Math.min(...runs.map((run) => run.metrics.served))).toBeGreaterThan(100);
    expect(Math.max(...runs.map((run) => run.metrics.balked))).toBeGreaterThan(0);
  });

  it('lies between the plan and the plan plus the closing counters’ last services otherwise', () => {
    const model = buildModel({ ...base, perHour: 40 });
    const runs = hourly(model, 10);
    const longest = 5;
    let overhangs = 0;
    for (const run of runs) {
      run.byPeriod.forEach((period, p) => {
        const open = period['openCounters.desk'];
        const closed = p > 0 ? Math.max(0, counts[p - 1] - counts[p]) : 0;
        expect(open, `period ${p}`).toBeGreaterThanOrEqual(counts[p]);
        expect(open, `period ${p}`).toBeLessThanOrEqual(counts[p] + (closed * longest) / 60);
        if (open > counts[p]) overhangs++;
      });
    }
    // Some lowerings did find closing counters busy, so the upper bound was put to the test.
    expect(overhangs).toBeGreaterThan(0);
  });
});

/** Records, per replication, the time each counter spends broken and any service step while broken. */
class BreakdownRecorder implements VisitLog {
  brokenSince = NaN;
  brokenTime = 0;
  stepsWhileBroken = 0;
  failures = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  reset(): void {
    this.brokenSince = NaN;
    this.brokenTime = 0;
    this.stepsWhileBroken = 0;
    this.failures = 0;
  }
  arrived(): void {}
  joined(): void {}
  started(): void {
    if (this.brokenSince === this.brokenSince) this.stepsWhileBroken++;
  }
  finished(): void {
    if (this.brokenSince === this.brokenSince) this.stepsWhileBroken++;
  }
  interrupted(): void {}
  departed(): void {}
  brokeDown(_server: number, now: number): void {
    this.brokenSince = now;
    this.failures++;
  }
  repaired(_server: number, now: number): void {
    this.brokenTime += this.overlap(this.brokenSince, now);
    this.brokenSince = NaN;
  }
  /** Broken share of [from, to]; a repair still pending at the end counts up to `to`. */
  brokenShare(end: number): number {
    const open = this.brokenSince === this.brokenSince ? this.overlap(this.brokenSince, end) : 0;
    return (this.brokenTime + open) / (this.to - this.from);
  }
  private overlap(a: number, b: number): number {
    return Math.max(0, Math.min(b, this.to) - Math.max(a, this.from));
  }
}

describe('M/M/1 with breakdowns (failures idle or busy, preemptive-resume repairs)', () => {
  const lambda = 0.5;
  const mu = 1;
  const mtbf = 20;
  const repair = 4;
  const alpha = 1 / mtbf;
  const beta = 1 / repair;
  const a = beta / (alpha + beta); // availability, 5/6
  const horizon = 20_000;
  const warmup = 1_000;
  const model: Model = buildModel({
    perHour: lambda * 60,
    types: [{ name: 'walkin', service: { dist: 'exponential', mean: 1 / mu } }],
    groups: [
      {
        name: 'desk',
        staff: 1,
        breakdown: { upTime: { dist: 'exponential', mean: mtbf }, repair: { dist: 'exponential', mean: repair } },
      },
    ],
    horizon,
    warmup,
  });
  const log = new BreakdownRecorder(warmup, horizon);
  const desk = new FrontDesk(model, horizon, log);
  const runs: ReplicationMetrics[] = [];
  const brokenShare: number[] = [];
  const stepsWhileBroken: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    log.reset();
    runs.push(desk.runDay(SEED, r));
    brokenShare.push(log.brokenShare(horizon));
    stepsWhileBroken.push(log.stepsWhileBroken);
  }
  const day = (metric: string) => estimate(runs.map((run) => run.metrics[metric]));

  /*
   * Derivation of L. States (n, up) and (n, down), generating functions P₁(z), P₀(z).
   * Down: (λ + β)·p(n,0) = λ·p(n−1,0) + α·p(n,1)  ⇒  (λ(1 − z) + β)·P₀ = α·P₁.
   * Up:   (λ + α + μ·1{n ≥ 1})·p(n,1) = λ·p(n−1,1) + μ·p(n+1,1) + β·p(n,0)
   *       ⇒ P₁·(1 − z)(λz − μ + αλz/(λ(1 − z) + β)) = μ·p(0,1)·(z − 1)
   *       ⇒ P₁(z) = μ·p(0,1) / D(z),  D(z) = μ − λz − αλz/(λ(1 − z) + β).
   * P₁(1) = a gives μ·p(0,1) = a·D(1), D(1) = μ − λ/a; D'(1) = −λ − αλ(λ + β)/β².
   * L = P₁'(1) + P₀'(1) = P₁'(1)/a + α·a·λ/β², with P₁'(1) = −a·D'(1)/D(1).
   * (Checked against a numerical solution of the truncated chain: L = 2.3333… for these rates.)
   */
  const D1 = mu - lambda / a;
  const L = (lambda * (1 + (alpha * (lambda + beta)) / beta ** 2)) / D1 + (alpha * a * lambda) / beta ** 2;
  const timeInSystem = L / lambda;

  it('the counter is broken a share repair/(mtbf + repair) of the time', () =>
    expectInside('broken share', estimate(brokenShare), 1 - a));
  it('a broken counter starts and finishes nobody', () => {
    expect(stepsWhileBroken).toEqual(runs.map(() => 0));
    expect(log.failures).toBeGreaterThan(0);
  });
  it('utilisation is λ·E[S]: a broken counter is not busy, even holding a suspended customer', () =>
    expectInside('utilization', day('utilization.desk'), lambda / mu));
  it('services interrupted by breakdowns: α·λ·E[S] a minute', () =>
    expectInside('interrupted', day('interrupted'), alpha * (lambda / mu) * (horizon - warmup)));
  it('availability is mtbf/(mtbf + repair), and equals 1 − the broken share recorded visit by visit', () => {
    expectInside('availability', day('availability.desk'), a);
    runs.forEach((run, r) => expect(run.metrics['availability.desk']).toBeCloseTo(1 - brokenShare[r], 9));
  });
  it('mean time in system matches the (n, up/down) chain', () =>
    expectInside('timeInSystemMean', day('timeInSystemMean'), timeInSystem));
  it('mean time in line is T − E[S]/availability', () => expectInside('waitMean', day('waitMean'), timeInSystem - 1 / mu / a));
});
