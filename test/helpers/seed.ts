/**
 * The seed of every statistical test, in one place. A statistical check must pass for any seed
 * (its tolerance comes from the standard error, see test/validation/check.ts), so the default is
 * only a default: `FRONTDESK_TEST_SEED=5 npm test` runs the whole suite on other random days.
 */
const DEFAULT_TEST_SEED = 2026;

function testSeed(): number {
  const text = process.env.FRONTDESK_TEST_SEED;
  if (text === undefined || text === '') return DEFAULT_TEST_SEED;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`FRONTDESK_TEST_SEED: found "${text}"; expected a whole number of 0 or more`);
  }
  return seed;
}

export const TEST_SEED = testSeed();
