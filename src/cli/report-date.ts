/**
 * The date printed in an HTML report's header. Reports are otherwise byte-identical from run to
 * run; a build that must reproduce one sets SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) and gets that date instead of now. Only the HTML report prints
 * a date: JSON, CSV, table and Markdown stay the same bytes for the same scenario and seed.
 */
import { UsageError } from './usage-error.js';

export function reportDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d{1,12}$/.test(epoch.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH: found "${epoch}"; expected whole seconds since 1970-01-01 UTC`);
  }
  return new Date(Number(epoch.trim()) * 1000);
}
