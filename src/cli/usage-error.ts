/**
 * A mistake in how the program was called (bad option value, output over an input file): reported
 * in one line with exit code 1, like an invalid scenario, without a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
