import { checkServers } from './erlang-b.js';
import type { ErlangAParams } from './erlang-a.js';

/** Stop the chain once the mass beyond the last state is below this share of the whole. */
const TAIL = 1e-13;
const MAX_STATES = 1_000_000;

/**
 * Service level of Erlang A (M/M/c+M): the share of arrivals served with a wait of at most
 * `waitTarget` minutes; those who give up count as misses, like `serviceLevel` in a run.
 *
 * An arrival who finds n < c inside is served at once. One who finds q = n − c waiting must pass
 * q + 1 stages before a counter takes it: with i customers ahead, the line advances at
 * aᵢ = c/E[S] + i/θ (a service ends, or one ahead gives up), and the customer itself gives up at
 * 1/θ. P(served within t | q) is the chance that this pure-death chain with killing reaches
 * "served" by t, computed by uniformisation (Grassmann 1977): with Λ ≥ every exit rate,
 * f(t) = Σₖ Poisson(k; Λt) · vₖ where vₖ is the k-step absorption probability of the jump chain.
 * One vector pass gives vₖ for every q at once. pₙ is the stationary birth–death distribution
 * seen by arrivals (PASTA), truncated where the tail is below 1e-13.
 *
 * θ = Infinity is Erlang C (exponential waits given a wait), and agrees with `mmc().waitWithin`.
 *
 * @example
 * erlangAServiceLevel({ arrivalRate: 1, serviceMean: 5, servers: 7, patienceMean: 10 }, 1); // ≈ 0.81
 */
export function erlangAServiceLevel(params: ErlangAParams, waitTarget: number): number {
  const { arrivalRate: lambda, serviceMean, servers: c, patienceMean } = params;
  checkServers(c);
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new RangeError(`erlangAServiceLevel: arrivalRate must be finite and ≥ 0, got ${lambda}`);
  if (!(serviceMean > 0 && Number.isFinite(serviceMean))) throw new RangeError(`erlangAServiceLevel: serviceMean must be finite and > 0, got ${serviceMean}`);
  if (!(patienceMean > 0)) throw new RangeError(`erlangAServiceLevel: patienceMean must be > 0, got ${patienceMean}`);
  if (!(waitTarget >= 0)) throw new RangeError(`erlangAServiceLevel: waitTarget must be ≥ 0, got ${waitTarget}`);
  if (lambda === 0) return 1;
  const mu = 1 / serviceMean;
  const nu = 1 / patienceMean;
  if (nu === 0 && lambda * serviceMean >= c) return 0;

  // pₙ for n = 0 … c − 1 (served at once) and the waiting states q = 0, 1, … (n = c + q).
  let weight = 1;
  let total = 1;
  let atOnce = 1;
  const waiting: number[] = [];
  for (let n = 1; ; n++) {
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * nu;
    const ratio = lambda / death;
    weight *= ratio;
    total += weight;
    if (n < c) atOnce += weight;
    else waiting.push(weight);
    const nextRatio = lambda / (Math.min(n + 1, c) * mu + Math.max(n + 1 - c, 0) * nu);
    if (n >= c && nextRatio < 1 && (weight * nextRatio) / (1 - nextRatio) <= TAIL * total) break;
    if (n > MAX_STATES) throw new RangeError(`erlangAServiceLevel: more than ${MAX_STATES} states`);
    if (weight > 1e250) {
      const f = 1e-250;
      weight *= f;
      total *= f;
      atOnce *= f;
      for (let i = 0; i < waiting.length; i++) waiting[i] *= f;
    }
  }
  if (waitTarget === 0 || waiting.length === 0) return atOnce / total;

  // Uniformisation over the stages q = 0 … Q − 1 (q customers ahead); index −1 is "served".
  const stages = waiting.length;
  const advance = (i: number) => c * mu + i * nu;
  const rate = advance(stages - 1) + nu;
  const lt = rate * waitTarget;
  const maxSteps = Math.ceil(lt + 12 * Math.sqrt(lt) + 30);
  let v = new Float64Array(stages);
  let next = new Float64Array(stages);
  const within = new Float64Array(stages);
  // Poisson weights in logs: exp(−Λt) alone underflows for long targets.
  let logPoisson = -lt;
  for (let k = 0; k <= maxSteps; k++) {
    const w = Math.exp(logPoisson);
    for (let i = 0; i < stages; i++) within[i] += w * v[i];
    for (let i = 0; i < stages; i++) {
      const a = advance(i);
      const ahead = i === 0 ? 1 : v[i - 1];
      next[i] = (a / rate) * ahead + (1 - (a + nu) / rate) * v[i];
    }
    [v, next] = [next, v];
    logPoisson += Math.log(lt) - Math.log(k + 1);
  }
  let level = atOnce;
  for (let q = 0; q < stages; q++) level += waiting[q] * within[q];
  return Math.min(1, level / total);
}
