/**
 * The reference for frontdesk's speed: a plain, hand-written event loop for an M/M/c with no
 * features at all (one FIFO line, exponential times, mean wait only). It uses the same random
 * generator as frontdesk, so the ratio of the two times measures what frontdesk's features cost.
 */
import { streamFor } from '../src/core/random.js';

export interface BareResult {
  customers: number;
  waitMean: number;
}

export function bareMmc(arrivalRate: number, serviceMean: number, servers: number, customers: number, seed: number): BareResult {
  const rng = streamFor(seed, 0, 'bare');
  // Event heap keyed by time: kind 0 = arrival, 1 = departure.
  let cap = 1024;
  let times = new Float64Array(cap);
  let kinds = new Uint8Array(cap);
  let size = 0;
  const push = (t: number, k: number) => {
    if (size === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      t2.set(times);
      times = t2;
      const k2 = new Uint8Array(cap);
      k2.set(kinds);
      kinds = k2;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  let popTime = 0;
  let popKind = 0;
  const pop = () => {
    popTime = times[0];
    popKind = kinds[0];
    const t = times[--size];
    const k = kinds[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && times[c + 1] < times[c]) c++;
      if (t <= times[c]) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = t;
    kinds[i] = k;
  };
  // FIFO of arrival times.
  let qcap = 1024;
  let queue = new Float64Array(qcap);
  let head = 0;
  let qlen = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  push(-Math.log(1 - rng()) / arrivalRate, 0);
  while (size > 0) {
    pop();
    const now = popTime;
    if (popKind === 0) {
      arrived++;
      if (arrived < customers) push(now - Math.log(1 - rng()) / arrivalRate, 0);
      if (busy < servers) {
        busy++;
        served++;
        push(now - serviceMean * Math.log(1 - rng()), 1);
      } else {
        if (qlen === qcap) {
          const q2 = new Float64Array(qcap * 2);
          for (let i = 0; i < qlen; i++) q2[i] = queue[(head + i) % qcap];
          queue = q2;
          head = 0;
          qcap *= 2;
        }
        queue[(head + qlen) % qcap] = now;
        qlen++;
      }
    } else if (qlen > 0) {
      const arrivedAt = queue[head];
      head = (head + 1) % qcap;
      qlen--;
      waitSum += now - arrivedAt;
      served++;
      push(now - serviceMean * Math.log(1 - rng()), 1);
    } else {
      busy--;
    }
  }
  return { customers: served, waitMean: waitSum / served };
}
