/**
 * Shards: a study cut into N parts that any batch engine can run as separate processes (GNU
 * parallel, a Slurm array, a Kubernetes Indexed Job), and the parts put back together exactly.
 *
 * Replication r of every alternative depends only on (scenario, seed, r), so shard K of N runs a
 * contiguous block of replication indices of every alternative and keeps their rows as they are
 * (runner/metric-table.ts). Merging lays the blocks end to end, in replication order, and makes
 * the result with the same function as a study run in one process (study-result.ts `resultOf`): the
 * same rows in the same order give the same summaries, bit for bit, so the report is the same
 * bytes. A part carries the study's frame (names, periods, warnings about the halls), so merging
 * needs neither the scenario nor its trace, and a manifest that says which study it belongs to.
 *
 * `--precision` is refused with shards: it decides how many replications to add from the
 * intervals of all replications so far, which no shard sees.
 */
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { widthOf, type MetricColumns } from '../model/metric-columns.js';
import { MetricTable } from './metric-table.js';
import type { Result } from './result.js';
import { shardReplications, type Shard } from './shard-plan.js';
import { resultOf, type StudyFrame } from './study-result.js';

export { parseShard, shardReplications, type Shard } from './shard-plan.js';

/**
 * Which study a part belongs to. Everything in it except `shard` is the same in every part of one
 * study; `study` is a hash of exactly that, so parts are matched by one string.
 */
export interface PartManifest {
  /** The frontdesk version that wrote the part: another version may compute other numbers. */
  frontdesk: string;
  command: string;
  /** Each scenario file of the study as named, with the SHA-256 of its content and its trace files'. */
  scenarios: { file: string; sha256: string }[];
  seed: number;
  /** Replications per alternative in the whole study. */
  replications: number;
  /** Other options that shape the output (byPeriod length, ...), by name. */
  options: Record<string, unknown>;
  /** The alternatives, in report order. */
  alternatives: string[];
  shard: { index: number; count: number; first: number; replications: number };
  /** SHA-256 of the fields above except `shard.index`, `shard.first`, `shard.replications` and the file names. */
  study: string;
}

export interface StudyPart {
  manifest: PartManifest;
  frame: StudyFrame;
  /** Each alternative's replications of this shard, in order. */
  samples: MetricTable[];
  /** What the report says beyond the Result (the CLI's ReportAbout: question, description, files), passed through as is. */
  about: { question?: string; description?: string; files: string[]; serviceLevelTarget?: number };
}

/** What the CLI knows of the study before running a shard of it. */
export type PartIdentity = Omit<PartManifest, 'shard' | 'study'> & { shard: Shard };

/** The manifest of a shard: its identity, its replications and the study hash. */
export function partManifest(identity: PartIdentity): PartManifest {
  const { first, count } = shardReplications(identity.replications, identity.shard);
  const { shard, ...rest } = identity;
  const study = createHash('sha256')
    .update(
      JSON.stringify({
        ...rest,
        scenarios: rest.scenarios.map((s) => s.sha256),
        shards: shard.count,
      }),
    )
    .digest('hex');
  return { ...rest, shard: { index: shard.index, count: shard.count, first, replications: count }, study };
}

const FORMAT = 'frontdesk-part';
const FORMAT_VERSION = 2;

/**
 * A part's bytes. First one line of JSON: the format, the manifest, the frame, what the report
 * says beyond the Result, and each alternative's columns and number of rows; `head -1 PART` shows
 * it. Then each alternative's rows, one after the other, as little-endian doubles: exact (NaN
 * included), 8 bytes a figure (base64 in JSON took 10.7), written straight from the rows and read
 * back as a view of the file's bytes, not converted number by number. The line is padded with
 * spaces so that the rows start at a multiple of 8 bytes, where a Float64Array can look at them.
 */
const LITTLE_ENDIAN = endianness() === 'LE';

/** The rows' bytes: on a little-endian machine (all common ones) a view of them, not a copy. */
function rowBytes(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) bytes.writeDoubleLE(values[i], i * 8);
  return bytes;
}

/** `length` doubles at `offset` of `bytes`: a view where the machine and the alignment allow, else a copy. */
function rowsAt(bytes: Uint8Array, offset: number, length: number): Float64Array {
  const at = bytes.byteOffset + offset;
  if (LITTLE_ENDIAN && at % 8 === 0) return new Float64Array(bytes.buffer, at, length);
  const view = new DataView(bytes.buffer, at, length * 8);
  const values = new Float64Array(length);
  for (let i = 0; i < length; i++) values[i] = view.getFloat64(i * 8, true);
  return values;
}

/** A part as the pieces of its file, in order (write them one after the other). */
export function partBytes(part: StudyPart): Uint8Array[] {
  const line = JSON.stringify({
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    manifest: part.manifest,
    frame: part.frame,
    about: part.about,
    samples: part.samples.map((table) => ({ columns: table.columns, rows: table.rows })),
  });
  const length = Buffer.byteLength(line) + 1;
  const head = Buffer.from(`${line}${' '.repeat((8 - (length % 8)) % 8)}\n`);
  return [head, ...part.samples.map((table) => rowBytes(table.rowValues))];
}

/** A part file that cannot be merged, or parts that do not form one study: the CLI says it in one line, exit 1. */
export class PartError extends Error {
  override readonly name = 'PartError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isColumns(value: unknown): value is MetricColumns {
  if (!isObject(value)) return false;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  return (
    strings(value.metricKeys) && strings(value.typeNames) && strings(value.typeKeys) && strings(value.periodKeys) && Number.isSafeInteger(value.periodCount)
  );
}

/** How every part file begins: anything else is not a part (a report, a scenario, ...). */
const PART_START = Buffer.from(`{"format":${JSON.stringify(FORMAT)},`);

/** A part's first line, checked, and where each alternative's rows lie in its file (byte offset). */
export interface PartHead {
  manifest: PartManifest;
  frame: StudyFrame;
  blocks: { columns: MetricColumns; rows: number; offset: number }[];
  about: StudyPart['about'];
}

/**
 * Reads a part's first line and checks that its rows fit the file: `head` is the file's bytes from
 * its start through its first newline at least (all of them if it has none), `size` the file's
 * length, `file` names it in errors. The rows themselves are not read.
 */
export function readPartHead(head: Uint8Array, size: number, file: string): PartHead {
  const notPart = (what: string) =>
    new PartError(`${file}: found ${what}; expected a part written by "frontdesk run|compare FILE --shard K/N --out PART"`);
  const content = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (!content.subarray(0, PART_START.length).equals(PART_START)) throw notPart('a file that is not a frontdesk part');
  const newline = content.indexOf(10);
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8', 0, newline < 0 ? content.length : newline));
  } catch {
    throw notPart('a damaged part (its first line is not JSON)');
  }
  if (!isObject(data) || data.format !== FORMAT) throw notPart('a file that is not a frontdesk part');
  if (data.formatVersion !== FORMAT_VERSION) {
    throw notPart(`part format version ${JSON.stringify(data.formatVersion)} (this frontdesk reads version ${FORMAT_VERSION})`);
  }
  const manifest = data.manifest as PartManifest;
  const frame = data.frame as StudyFrame;
  const shard = isObject(manifest) ? manifest.shard : undefined;
  if (!isObject(manifest) || typeof manifest.study !== 'string' || !isObject(shard) || !isObject(frame) || !Array.isArray(frame.alternatives)) {
    throw notPart('a part without its manifest');
  }
  const samples = data.samples;
  if (!Array.isArray(samples) || samples.length !== frame.alternatives.length) throw notPart('a part whose replications do not match its alternatives');
  let offset = newline + 1;
  const blocks = samples.map((entry: unknown) => {
    if (!isObject(entry) || !isColumns(entry.columns) || entry.rows !== shard.replications || !Number.isSafeInteger(entry.rows)) {
      throw notPart('a damaged part (replication rows unreadable)');
    }
    const length = (entry.rows as number) * widthOf(entry.columns);
    if (offset + length * 8 > size) throw notPart('a damaged part (replication rows truncated)');
    const block = { columns: entry.columns, rows: entry.rows as number, offset };
    offset += length * 8;
    return block;
  });
  if (offset !== size) throw notPart('a damaged part (bytes after its replication rows)');
  const about = isObject(data.about) && Array.isArray(data.about.files) ? (data.about as StudyPart['about']) : { files: [] };
  return { manifest, frame, blocks, about };
}

/**
 * Reads a part file's bytes; `file` names it in errors. The rows are views of `bytes` (not
 * copies) where the machine allows, so keep `bytes` unchanged while the part is in use.
 */
export function readPart(bytes: Uint8Array, file: string): StudyPart {
  const { manifest, frame, blocks, about } = readPartHead(bytes, bytes.length, file);
  const samples = blocks.map((b) => MetricTable.of(b.columns, rowsAt(bytes, b.offset, b.rows * widthOf(b.columns)), b.rows));
  return { manifest, frame, samples, about };
}

/**
 * A part as merge takes it: its head, and how to read alternative `a`'s rows into `into` (exactly
 * their length). From a file, merge reads each block straight into the merged table (no buffer of
 * the whole file, no second copy); from bytes in memory, `partSource` copies them.
 */
export interface PartSource {
  file: string;
  head: PartHead;
  readRows(a: number, into: Float64Array): void;
}

/** A part already in memory (read from a pipe, or made by a test) as a PartSource. */
export function partSource(bytes: Uint8Array, file: string): PartSource {
  const part = readPart(bytes, file);
  const { manifest, frame, about } = part;
  const head: PartHead = { manifest, frame, about, blocks: part.samples.map((t) => ({ columns: t.columns, rows: t.rows, offset: 0 })) };
  return { file, head, readRows: (a, into) => into.set(part.samples[a].rowValues) };
}

/**
 * Doubles read as raw bytes from a part into `values`, made the machine's numbers: a part's are
 * little-endian, so a big-endian machine swaps them in place.
 */
export function fromPartOrder(values: Float64Array): void {
  if (LITTLE_ENDIAN) return;
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, true);
}

/** `part 3/7 (replications 428-570)`. */
function describeShard(shard: PartManifest['shard']): string {
  const range = shard.replications === 1 ? `replication ${shard.first + 1}` : `replications ${shard.first + 1}-${shard.first + shard.replications}`;
  return `part ${shard.index}/${shard.count} (${range})`;
}

/** The first field in which two manifests of different studies differ, for people. */
function difference(a: PartManifest, b: PartManifest): string {
  if (a.frontdesk !== b.frontdesk) return `frontdesk ${b.frontdesk}, not ${a.frontdesk}`;
  if (a.command !== b.command) return `"${b.command}", not "${a.command}"`;
  const contents = (m: PartManifest) => m.scenarios.map((s) => s.sha256).join(',');
  if (contents(a) !== contents(b)) {
    const files = (m: PartManifest) => m.scenarios.map((s) => s.file).join(', ');
    return `scenario ${files(b)} with other content than ${files(a)} (SHA-256 ${b.scenarios[0]?.sha256.slice(0, 12)}…, not ${a.scenarios[0]?.sha256.slice(0, 12)}…)`;
  }
  if (a.seed !== b.seed) return `seed ${b.seed}, not ${a.seed}`;
  if (a.replications !== b.replications) return `${b.replications} replications, not ${a.replications}`;
  if (a.shard.count !== b.shard.count) return `${b.shard.count} shards, not ${a.shard.count}`;
  if (JSON.stringify(a.alternatives) !== JSON.stringify(b.alternatives)) return `other alternatives (${b.alternatives.length}, not ${a.alternatives.length})`;
  for (const key of new Set([...Object.keys(a.options), ...Object.keys(b.options)])) {
    if (JSON.stringify(a.options[key]) !== JSON.stringify(b.options[key])) {
      return `${key} ${JSON.stringify(b.options[key])}, not ${JSON.stringify(a.options[key])}`;
    }
  }
  return 'another study';
}

/**
 * Checks that `parts` (with the files they came from) are exactly the N parts of one study, in
 * any order, and returns the study's Result. Throws PartError naming every foreign, repeated or
 * missing part.
 */
export function mergeParts(sources: PartSource[]): { result: Result; about: StudyPart['about'] } {
  const parts = sources.map((source) => ({ file: source.file, part: source.head, source }));
  if (parts.length === 0) throw new PartError('merge: found no parts; expected the part files of one study');
  // The study is the one most parts belong to (the first named on a tie); the others are foreign.
  const byStudy = new Map<string, typeof parts>();
  for (const p of parts) byStudy.set(p.part.manifest.study, [...(byStudy.get(p.part.manifest.study) ?? []), p]);
  const main = [...byStudy.values()].reduce((best, group) => (group.length > best.length ? group : best));
  const reference = main[0].part.manifest;
  const foreign = parts.filter((p) => p.part.manifest.study !== reference.study);
  if (foreign.length > 0) {
    const list = foreign.map((p) => `${p.file} (${difference(reference, p.part.manifest)})`).join('; ');
    throw new PartError(`merge: found ${foreign.length === 1 ? 'a part' : `${foreign.length} parts`} of another study than ${main[0].file}: ${list}; expected the parts of one study`);
  }
  const count = reference.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const p of parts) byIndex.set(p.part.manifest.shard.index, [...(byIndex.get(p.part.manifest.shard.index) ?? []), p.file]);
  const repeated = [...byIndex].filter(([, files]) => files.length > 1).sort((a, b) => a[0] - b[0]);
  if (repeated.length > 0) {
    const list = repeated.map(([index, files]) => `part ${index}/${count} in ${files.join(' and ')}`).join('; ');
    throw new PartError(`merge: found ${list}; expected each part once`);
  }
  const missing: string[] = [];
  for (let index = 1; index <= count; index++) {
    if (!byIndex.has(index)) {
      const { first, count: replications } = shardReplications(reference.replications, { index, count });
      missing.push(describeShard({ index, count, first, replications }));
    }
  }
  if (missing.length > 0) {
    throw new PartError(`merge: found ${parts.length} of ${count} parts; expected also ${missing.join(', ')}`);
  }
  const ordered = [...parts].sort((a, b) => a.part.manifest.shard.index - b.part.manifest.shard.index);
  const frame = ordered[0].part.frame;
  const frameText = JSON.stringify(frame);
  for (const p of ordered) {
    // Same study, same frame: anything else is a part edited by hand or a damaged file.
    if (JSON.stringify(p.part.frame) !== frameText) throw new PartError(`${p.file}: found a part whose study description differs from ${ordered[0].file}'s; expected parts of one study, unedited`);
  }
  // Each alternative's blocks end to end in one array, each read straight into its place, when
  // resultOf comes to it. The baseline keeps an array of its own (every variant is paired with
  // it); the variants take turns in one array, each let go by resultOf once paired, so merge holds
  // two alternatives' rows however many the study has.
  const sizeOf = (a: number) => ordered.reduce((sum, p) => sum + p.part.blocks[a].rows, 0) * widthOf(ordered[0].part.blocks[a].columns);
  let variantsSize = 0;
  for (let a = 1; a < frame.alternatives.length; a++) variantsSize = Math.max(variantsSize, sizeOf(a));
  let variantRows: Float64Array | undefined;
  const rowsOf = (a: number): MetricTable => {
    const columns = ordered[0].part.blocks[a].columns;
    const width = widthOf(columns);
    const size = sizeOf(a);
    const values = a === 0 ? new Float64Array(size) : (variantRows ??= new Float64Array(variantsSize)).subarray(0, size);
    let at = 0;
    for (const p of ordered) {
      const block = p.part.blocks[a];
      if (widthOf(block.columns) !== width) throw new PartError(`${p.file}: found replication rows of another shape; expected parts of one study, unedited`);
      p.source.readRows(a, values.subarray(at, at + block.rows * width));
      at += block.rows * width;
    }
    return MetricTable.of(columns, values, size / width);
  };
  return { result: resultOf(frame, rowsOf, false), about: ordered[0].part.about };
}
