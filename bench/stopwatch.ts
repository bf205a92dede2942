/** Wall seconds since `start` (a `process.hrtime.bigint()` reading), for the bench cases. */
export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
