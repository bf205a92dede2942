/** A trace's per-arrival figures as plain arrays, as the former reader returned them (for assertions). */
import type { TraceData } from '../../src/scenario/trace.js';

/** Type id per arrival, -1 = drawn from the shares. */
export function traceTypes(t: Pick<TraceData, 'typeCodes' | 'typeOfCode'>): number[] {
  return Array.from(t.typeCodes, (code) => t.typeOfCode[code]);
}

/** Service minutes per arrival, NaN = drawn. */
export function traceService(t: Pick<TraceData, 'times' | 'service'>): number[] {
  return t.service === null ? Array.from(t.times, () => NaN) : Array.from(t.service);
}
