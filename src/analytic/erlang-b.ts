/**
 * Erlang B: the probability that all `servers` are busy in an M/M/c/c loss system offered
 * `offeredLoad` Erlangs (arrival rate × mean service time). It is the building block of Erlang C
 * (see `erlangC`) and of staffing searches, which step through c one at a time.
 *
 * Computed by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) (e.g. Cooper, *Introduction
 * to Queueing Theory*, 1981, §3.3) rather than by A^c/c! / Σ A^k/k!: the factorials overflow at
 * c = 171 and the sum loses digits long before, while every step of the recursion is a ratio in
 * [0, 1].
 *
 * @example
 * erlangB(1, 1);  // 0.5
 * erlangB(2, 1);  // 0.2   (A²/2 / (1 + A + A²/2))
 * erlangB(100, 80); // 0.0040…
 */
export function erlangB(servers: number, offeredLoad: number): number {
  checkServers(servers);
  if (!(offeredLoad >= 0)) throw new RangeError(`erlangB: offered load must be ≥ 0, got ${offeredLoad}`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Servers must be a whole number of counters, at least one. */
export function checkServers(servers: number): void {
  if (!(Number.isInteger(servers) && servers >= 1)) {
    throw new RangeError(`servers must be a whole number ≥ 1, got ${servers}`);
  }
}
