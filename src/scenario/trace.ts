/**
 * A recorded day, replayed: the `arrivals.trace` CSV. Header line with the column `time` (minutes
 * from opening, or "HH:MM" measured from `open`), optional `type` (a type name) and `service`
 * (minutes, overriding the type's distribution). Errors name the file, the line and the column,
 * because a trace comes from a spreadsheet export and that is how people find the cell.
 *
 * No CSV library: fields are numbers, names and clock times, never quoted text with commas. Lines
 * may end in CRLF, the file may start with a BOM (spreadsheet exports do both), blank lines and
 * lines starting with `#` are skipped, and `;` or tab separators are accepted when the header uses
 * them (European spreadsheet exports).
 */
import { statSync } from 'node:fs';
import { ScenarioError, clip } from './errors.js';
import { InputFile, InputFileProblem } from './read-input.js';
import { countLines, scanTrace, type ScannedTrace } from './trace-scan.js';

/** The trace as the model wants it (see TraceArrivals in src/model/model.ts). */
export interface TraceData {
  times: Float64Array;
  /** Per arrival, an index into typeOfCode (one byte a row while the file names at most 255 types). */
  typeCodes: Uint8Array | Uint16Array | Uint32Array;
  /** Type id of each code: -1 (code 0, no type given) = draw from the shares. */
  typeOfCode: Int32Array;
  /** Service minutes per arrival, NaN = draw from the type's distribution; null when the file has no service column. */
  service: Float64Array | null;
}

export interface TraceContext {
  /** Type names in scenario order: a name's index is its id. */
  typeNames: readonly string[];
  /** Opening clock time in minutes after midnight, for "HH:MM" times. */
  openClock: number;
  /** Arrivals must come before it. */
  horizon: number;
}

/** Parses trace text; `file` is how messages name it. Throws ScenarioError. */
export function parseTraceText(text: string, file: string, context: TraceContext): TraceData {
  return bind(scanTrace(Buffer.from(text, 'utf8'), file, context), context)!;
}

/**
 * The scanned trace tied to a scenario's types and horizon, or null when they do not fit it (a
 * name that is not one of its types, a time at or past its horizon): then the file is scanned
 * again against this context, which reports the first such row as the scan always does.
 */
function bind(trace: ScannedTrace, context: TraceContext): TraceData | null {
  const ids = new Map(context.typeNames.map((name, i) => [name, i]));
  const typeOfCode = new Int32Array(trace.names.length + 1);
  typeOfCode[0] = -1;
  for (let k = 0; k < trace.names.length; k++) {
    const id = ids.get(trace.names[k]);
    if (id === undefined) return null;
    typeOfCode[k + 1] = id;
  }
  if (trace.times[trace.times.length - 1] >= context.horizon) return null;
  return { times: trace.times, typeCodes: trace.typeCodes, typeOfCode, service: trace.service };
}

/** A trace file is data, but a 2 GB one is a mistake: refuse before reading it into memory. */
const MAX_TRACE_BYTES = 512 * 1024 * 1024;

/**
 * Traces scanned in this process, by resolved path: the baseline and every variant that replays
 * the same file, `validate`'s check before `run` and the run itself share one scan and one copy of
 * the arrays. An entry is used only while the file is unchanged (same inode, size and modification
 * time) and, if it has clock times, for the same opening time. The arrays live on shared memory,
 * and worker threads are handed the entries with their batches (`knownTraces`, `adoptTraces`), so
 * they neither read the file again nor hold a copy of their own.
 */
export interface KnownTrace {
  /** Resolved path of the file. */
  path: string;
  /** Inode, size and times of the file when it was read (see identityOf). */
  identity: string;
  openClock: number;
  trace: ScannedTrace;
}

const scanned = new Map<string, KnownTrace>();
let reads = 0;

/** How many times this thread has read and scanned a trace file (for tests). */
export function traceReads(): number {
  return reads;
}

/** The traces this thread has scanned, to hand to worker threads (their arrays are shared, not copied). */
export function knownTraces(): KnownTrace[] {
  return [...scanned.values()];
}

/** Takes traces scanned by another thread; an entry is still used only while its file is unchanged. */
export function adoptTraces(traces: readonly KnownTrace[]): void {
  for (const known of traces) {
    if (scanned.get(known.path)?.identity !== known.identity) scanned.set(known.path, known);
  }
}

function identityOf(fullPath: string): string | null {
  try {
    const s = statSync(fullPath, { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : null;
  } catch {
    return null;
  }
}

/** Reads and parses a trace file, once per file while it is unchanged. `file` is the path shown in messages. */
export function readTrace(fullPath: string, file: string, context: TraceContext): TraceData {
  const identity = identityOf(fullPath);
  const known = scanned.get(fullPath);
  if (known && identity !== null && known.identity === identity && (!known.trace.usedClock || known.openClock === context.openClock)) {
    const data = bind(known.trace, context);
    if (data) return data;
  }
  scanned.delete(fullPath); // not two copies while a changed file is read again
  const unreadable = (e: unknown) =>
    new ScenarioError({
      file,
      path: '(file)',
      found: fileProblem(e),
      expected: 'the trace CSV named by arrivals.trace (a path relative to the scenario file)',
    });
  let input: InputFile;
  try {
    input = InputFile.open(fullPath, MAX_TRACE_BYTES);
  } catch (e) {
    throw unreadable(e);
  }
  let trace: ScannedTrace;
  try {
    // Two passes of chunks: one counts the lines, so that the arrays are allocated once; the
    // second scans. Only a chunk of the file is in memory at a time, never the whole file.
    reads++;
    trace = scanTrace(input.pass(), file, context, countLines(input.pass(undefined, true)));
  } catch (e) {
    throw e instanceof ScenarioError ? e : unreadable(e);
  } finally {
    input.close();
  }
  if (identity !== null) scanned.set(fullPath, { path: fullPath, identity, openClock: context.openClock, trace });
  return bind(trace, context)!;
}

/** A file-system error in words. */
export function fileProblem(error: unknown): string {
  if (error instanceof InputFileProblem) return error.message;
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'a folder';
    case 'EACCES':
    case 'EPERM':
      return 'a file that cannot be read (permission denied)';
    default:
      return `a file that cannot be read (${clip(String((error as Error)?.message ?? error), 80)})`;
  }
}
