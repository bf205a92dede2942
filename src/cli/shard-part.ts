/**
 * `run|compare FILE --shard K/N`: run shard K's replications of the study and write them, with
 * the study's frame and a manifest, as a part for `frontdesk merge` (runner/shard.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { partBytes, partManifest, shardReplications, type Shard, type StudyPart } from '../runner/shard.js';
import { runReplications, studyFrame, type Alternative, type StudyOptions } from '../runner/study.js';
import type { LoadedScenario } from '../scenario/load.js';
import { writeOutput, writeStdout, type OutputTarget } from './output.js';
import { UsageError } from './usage-error.js';
import { version } from './version.js';

/** SHA-256 of the files' contents, each preceded by its length: a trace counts as much as the scenario. */
function contentHash(files: readonly string[]): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      let size = 0;
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
        hash.update(chunk.subarray(0, n));
        size += n;
      }
      hash.update(`\0${size}\0`);
    } finally {
      closeSync(fd);
    }
  }
  return hash.digest('hex');
}

export interface ShardRun {
  loaded: LoadedScenario[];
  alternatives: Alternative[];
  options: StudyOptions;
  shard: Shard;
  mode: string;
  /** Where the part goes (checked before simulating); stdout without --out. */
  outTarget?: OutputTarget;
  /** What the report says beyond the Result (HTML header), kept for merge. */
  about: StudyPart['about'];
}

export async function runShard({ loaded, alternatives, options, shard, mode, outTarget, about }: ShardRun): Promise<void> {
  // The whole study's replications, capped as runStudy caps them.
  const replications = Math.min(options.replications, options.maxReplications ?? Infinity);
  if (shard.count > replications) {
    throw new UsageError(
      `--shard: found ${shard.count} shards for ${replications} replications; expected at most one shard per replication (fewer shards, or more replications with -n)`,
    );
  }
  const title = loaded[0].scenario.name;
  const { first, count } = shardReplications(replications, shard);
  // Rows only: merge summarises the whole study's rows, so a shard's own summaries would be thrown away.
  const samples = await runReplications(alternatives, { ...options, replications: count, maxReplications: undefined, firstReplication: first });
  const manifest = partManifest({
    frontdesk: version(),
    command: mode,
    scenarios: loaded.map((l) => ({ file: l.file, sha256: contentHash(l.inputs) })),
    seed: options.seed,
    replications,
    options: { period: options.period },
    alternatives: alternatives.map((a) => a.name),
    shard,
  });
  // The pieces as they are, not concatenated: a copy of the whole part (11 MB on the bench) for nothing.
  const pieces = partBytes({ manifest, frame: studyFrame(title, alternatives, options), samples, about });
  // As a report is written: atomically to a file, directly to a device, quietly to a closed pipe.
  if (outTarget !== undefined) await writeOutput(outTarget, pieces);
  else for (const piece of pieces) await writeStdout(piece);
}
