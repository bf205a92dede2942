/**
 * What happened to the customers of one scope (the whole day, one type, one period): counts,
 * wait sum and wait histogram. Streaming, so memory does not grow with the number of customers.
 */
import { WaitHistogram } from '../stats/wait-histogram.js';

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
}
