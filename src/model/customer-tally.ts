/**
 * What happened to the customers of one scope (the whole day, one type, one period): counts,
 * wait sum and wait histogram. Streaming, so memory does not grow with the number of customers.
 */
import { CUSTOMER_METRICS, HALL_METRICS } from '../runner/result.js';
import { WaitHistogram } from '../stats/wait-histogram.js';

/** The wait percentiles of a report: P50, P90, P95, P99. */
const REPORTED_LEVELS = [0.5, 0.9, 0.95, 0.99];
const PERCENTILES = new Float64Array(REPORTED_LEVELS.length);

export class CustomerTally {
  arrived = 0;
  abandoned = 0;
  balked = 0;
  /** Served with a wait within the target. */
  servedInTime = 0;
  /** Served customers whose whole visit ended at a kiosk. */
  servedAtKiosk = 0;
  waitSum = 0;
  timeInSystemSum = 0;
  readonly waits = new WaitHistogram();

  clear(): void {
    this.arrived = 0;
    this.abandoned = 0;
    this.balked = 0;
    this.servedInTime = 0;
    this.servedAtKiosk = 0;
    this.waitSum = 0;
    this.timeInSystemSum = 0;
    this.waits.reset();
  }

  /** Adds another scope's customers to this one (the day is the sum of its types). */
  add(other: CustomerTally): void {
    this.arrived += other.arrived;
    this.abandoned += other.abandoned;
    this.balked += other.balked;
    this.servedInTime += other.servedInTime;
    this.servedAtKiosk += other.servedAtKiosk;
    this.waitSum += other.waitSum;
    this.timeInSystemSum += other.timeInSystemSum;
    this.waits.merge(other.waits);
  }

  /** Customers served: one wait recorded each. */
  get served(): number {
    return this.waits.count;
  }

  /** @param bucket the wait's bucket in a WaitHistogram of the default layout (`waits.bucketOf`). */
  recordServed(wait: number, bucket: number, timeInSystem: number, inTime: boolean, atKiosk: boolean): void {
    this.waitSum += wait;
    this.timeInSystemSum += timeInSystem;
    this.waits.addAt(bucket, wait);
    if (inTime) this.servedInTime++;
    if (atKiosk) this.servedAtKiosk++;
  }

  /**
   * Writes the customer metrics into `row` from `at`, in the order of `customerMetricKeys`, and
   * returns the offset after them. Figures over served customers are NaN when none was served
   * (there is no wait to report, and 0 would be a lie); JSON prints them as null.
   * @param hours length of the observed stretch, for throughput.
   * @param lines the line lengths over the same stretch (day and periods), written in their place.
   */
  writeRow(row: Float64Array, at: number, hours: number, lines: { mean: number; max: number } | null): number {
    const served = this.served;
    row[at++] = this.arrived;
    row[at++] = served;
    row[at++] = this.abandoned;
    row[at++] = this.balked;
    row[at++] = served > 0 ? this.waitSum / served : NaN;
    const percentiles = this.waits.quantiles(REPORTED_LEVELS, PERCENTILES);
    for (let i = 0; i < percentiles.length; i++) row[at++] = percentiles[i];
    row[at++] = this.waits.max;
    row[at++] = this.arrived > 0 ? this.servedInTime / this.arrived : NaN;
    row[at++] = served > 0 ? this.timeInSystemSum / served : NaN;
    if (lines) {
      row[at++] = lines.mean;
      row[at++] = lines.max;
    }
    row[at++] = hours > 0 ? served / hours : NaN;
    row[at++] = served > 0 ? this.servedAtKiosk / served : NaN;
    return at;
  }
}

/** The keys of `writeRow`'s figures in the order written: the report order of result.ts. */
export function customerMetricKeys(withLines: boolean): string[] {
  const keys: string[] = [...CUSTOMER_METRICS];
  if (withLines) keys.splice(keys.indexOf('throughputPerHour'), 0, ...HALL_METRICS);
  return keys;
}
