/**
 * The seed and tolerance of the fit tests: the suite's seed (test/helpers/seed.ts, overridden by
 * FRONTDESK_TEST_SEED) and the suite's 4.5 standard errors (test/validation/check.ts). A fitted
 * figure's standard error is the fit's own (observed information, binomial or Poisson), and the
 * samples are thousands, so the normal approximation holds: about 7e-6 false alarms a check.
 */
export { TEST_SEED as SEED } from '../helpers/seed.js';
export { Z } from '../validation/check.js';
