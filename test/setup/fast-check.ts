/**
 * Every fast-check property in the suite runs from a fixed seed, so `npm test` (and CI) checks
 * the same cases every time and any failure is reproducible. FC_SEED explores other cases.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
