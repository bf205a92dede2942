/**
 * Priorities at one counter against theory:
 * - non-preemptive, two classes: Cobham's formula (src/analytic/priority.ts) for each class's mean
 *   wait, with exponential service (M/M/1) and with unequal general service (M/G/1);
 * - preemptive-resume with equal exponential service rates μ: the urgent class never sees the
 *   normal one, so it is an M/M/1 of its own, T₁ = 1/(μ − λ₁); the normal class's time in system is
 *   the preemptive-resume M/G/1 formula (Kleinrock vol. 2, §3.7)
 *     T₂ = E[S]/(1 − ρ₁) + (λ₁ + λ₂)·E[S²] / (2(1 − ρ₁)(1 − ρ₁ − ρ₂)),
 *   which with E[S²] = 2/μ² agrees with Little's law on the total: the number inside is that of an
 *   M/M/1 at λ₁ + λ₂ whatever the order of service. An interrupted customer goes back to the front
 *   of its line and its service resumes where it stopped, so its wait (time in lines) is its time in
 *   system minus its service, E[W] = T − 1/μ for both classes.
 *
 * The scenario's higher `priority` is served first: theory index 0 is the urgent class.
 */
import { describe, it } from 'vitest';
import { priorityMg1 } from '../../src/analytic/priority.js';
import { buildModel } from '../helpers/model.js';
import { replicate } from '../helpers/replicate.js';
import { expectInside } from './check.js';
import { TEST_SEED } from '../helpers/seed.js';

const SEED = TEST_SEED;
/**
 * The low-priority class's day means are heavy-tailed (its waits come in long excursions): with 30
 * or 60 days a run without an excursion put the mean 4.5 standard errors low (seed 3), though 120
 * days of the same seed sit within 2. Enough days for the t statistic to be near symmetric.
 */
const REPLICATIONS = 120;

describe('non-preemptive priority M/M/1 (Cobham)', () => {
  // λ₁ = 0.3, λ₂ = 0.5 a minute, both exponential with mean 1: ρ = 0.8.
  const model = buildModel({
    perHour: 48,
    types: [
      { name: 'urgent', share: 3, priority: 1, service: { dist: 'exponential', mean: 1 } },
      { name: 'normal', share: 5, service: { dist: 'exponential', mean: 1 } },
    ],
    groups: [{ name: 'desk', staff: 1 }],
    horizon: 20_000,
    warmup: 1_000,
  });
  const sim = replicate(model, REPLICATIONS, SEED);
  const theory = priorityMg1([
    { arrivalRate: 0.3, serviceMean: 1, serviceVariance: 1 },
    { arrivalRate: 0.5, serviceMean: 1, serviceVariance: 1 },
  ]);

  it('urgent mean wait matches W₀/(1 − ρ₁)', () =>
    expectInside('urgent waitMean', sim.type('urgent', 'waitMean'), theory.waitMean[0]));
  it('normal mean wait matches W₀/((1 − ρ₁)(1 − ρ))', () =>
    expectInside('normal waitMean', sim.type('normal', 'waitMean'), theory.waitMean[1]));
  it('utilisation matches ρ', () => expectInside('utilization', sim.day('utilization.desk'), theory.utilization));
});

describe('non-preemptive priority M/G/1 (Cobham), unequal service', () => {
  // Urgent: λ₁ = 0.4, fixed 0.5 minutes (ρ₁ = 0.2). Normal: λ₂ = 0.45, lognormal mean 1.2, cv 0.8
  // (Var = 0.9216, ρ₂ = 0.54). ρ = 0.74.
  const model = buildModel({
    perHour: 51,
    types: [
      { name: 'urgent', share: 0.4, priority: 2, service: { dist: 'deterministic', value: 0.5 } },
      { name: 'normal', share: 0.45, priority: 1, service: { dist: 'lognormal', mean: 1.2, cv: 0.8 } },
    ],
    groups: [{ name: 'desk', staff: 1 }],
    horizon: 20_000,
    warmup: 1_000,
  });
  const sim = replicate(model, REPLICATIONS, SEED);
  const theory = priorityMg1([
    { arrivalRate: 0.4, serviceMean: 0.5, serviceVariance: 0 },
    { arrivalRate: 0.45, serviceMean: 1.2, serviceVariance: (0.8 * 1.2) ** 2 },
  ]);

  it('urgent mean wait matches Cobham', () =>
    expectInside('urgent waitMean', sim.type('urgent', 'waitMean'), theory.waitMean[0]));
  it('normal mean wait matches Cobham', () =>
    expectInside('normal waitMean', sim.type('normal', 'waitMean'), theory.waitMean[1]));
});

describe('preemptive-resume priority M/M/1, equal service rates', () => {
  const lambda1 = 0.3;
  const lambda2 = 0.5;
  const mu = 1;
  const model = buildModel({
    perHour: (lambda1 + lambda2) * 60,
    types: [
      { name: 'urgent', share: lambda1, priority: 1, preempt: true, service: { dist: 'exponential', mean: 1 / mu } },
      { name: 'normal', share: lambda2, service: { dist: 'exponential', mean: 1 / mu } },
    ],
    groups: [{ name: 'desk', staff: 1 }],
    horizon: 20_000,
    warmup: 1_000,
  });
  const sim = replicate(model, REPLICATIONS, SEED);
  const rho1 = lambda1 / mu;
  const rho = (lambda1 + lambda2) / mu;
  const urgentTime = 1 / (mu - lambda1);
  const normalTime = 1 / mu / (1 - rho1) + ((lambda1 + lambda2) * (2 / mu ** 2)) / (2 * (1 - rho1) * (1 - rho));

  it('urgent time in system is that of its own M/M/1, 1/(μ − λ₁)', () =>
    expectInside('urgent timeInSystemMean', sim.type('urgent', 'timeInSystemMean'), urgentTime));
  it('urgent wait is T₁ − 1/μ', () => expectInside('urgent waitMean', sim.type('urgent', 'waitMean'), urgentTime - 1 / mu));
  it('normal time in system matches the preemptive-resume formula', () =>
    expectInside('normal timeInSystemMean', sim.type('normal', 'timeInSystemMean'), normalTime));
  it('normal wait (interruptions included) is T₂ − 1/μ', () =>
    expectInside('normal waitMean', sim.type('normal', 'waitMean'), normalTime - 1 / mu));
  it('utilisation is still ρ: preemption loses no work', () => expectInside('utilization', sim.day('utilization.desk'), rho));
});
