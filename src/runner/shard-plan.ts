/**
 * Which replications shard K of N runs. Apart from the parts and their merging (shard.ts), so the
 * CLI can check `--shard K/N` without loading the runner.
 */

/** Shard K of N (K from 1). */
export interface Shard {
  index: number;
  count: number;
}

/** `3/7` -> { index: 3, count: 7 }; null when the text is not of that form. */
export function parseShard(text: string): Shard | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(count) && count >= 1 && index >= 1 && index <= count)) return null;
  return { index, count };
}

/**
 * The replications of shard K of N: as even a share of [0, replications) as can be, in order,
 * shard 1 first. Shards differ by at most one replication.
 */
export function shardReplications(replications: number, shard: Shard): { first: number; count: number } {
  const first = Math.floor(((shard.index - 1) * replications) / shard.count);
  const end = Math.floor((shard.index * replications) / shard.count);
  return { first, count: end - first };
}
