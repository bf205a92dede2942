/**
 * The seed of the staffing tests: one place, overridden by FRONTDESK_TEST_SEED (a whole number) to
 * check that a test passes for other draws too.
 */
export const TEST_SEED = process.env.FRONTDESK_TEST_SEED !== undefined ? Number(process.env.FRONTDESK_TEST_SEED) : 2026;
