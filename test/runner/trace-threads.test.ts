/**
 * Worker threads take the trace the main thread has read: its arrays live on shared memory and
 * cross with the batch, so a worker neither reads the file again nor holds a copy of its own
 * (src/scenario/trace.ts). And a study replaying a trace gives the same figures on 1 and 2 workers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/runner/study.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { knownTraces, readTrace } from '../../src/scenario/trace.js';
import { TEST_SEED } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-trace-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const trace = join(dir, 'day.csv');
writeFileSync(trace, `time,type,service\n${Array.from({ length: 400 }, (_, i) => `${(i * 1.1).toFixed(2)},${i % 3 === 0 ? 'b' : 'a'},${i % 4 === 0 ? '3' : ''}`).join('\n')}\n`);
const context = { typeNames: ['a', 'b'], openClock: 540, horizon: 480 };

/** In a fresh worker thread (the built trace.js, as the pool's threads load it): adopt, read, report. */
function readInAnotherThread(traces: unknown): Promise<{ reads: number; shared: boolean; first: number; rows: number }> {
  const module = fileURLToPath(new URL('../../dist/src/scenario/trace.js', import.meta.url));
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(module)}).then((t) => {
      t.adoptTraces(workerData.traces);
      const data = t.readTrace(workerData.path, 'day.csv', workerData.context);
      parentPort.postMessage({ reads: t.traceReads(), shared: data.times.buffer instanceof SharedArrayBuffer, first: data.times[1], rows: data.times.length });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { traces, path: trace, context } });
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('a trace and worker threads', () => {
  it('is read once: another thread adopts the scan, on the same memory', async () => {
    const data = readTrace(trace, 'day.csv', context);
    expect(data.times.buffer).toBeInstanceOf(SharedArrayBuffer);
    const known = knownTraces().filter((k) => k.path === trace);
    expect(known).toHaveLength(1);
    // Without the scan, the thread reads the file itself; with it, it reads nothing.
    expect(await readInAnotherThread([])).toEqual({ reads: 1, shared: true, first: 1.1, rows: 400 });
    // Shared, not copied: a change made here is seen there (on a scan kept for this test only).
    data.times[1] = 1.05;
    expect(await readInAnotherThread(known)).toEqual({ reads: 0, shared: true, first: 1.05, rows: 400 });
    data.times[1] = 1.1;
  });

  it('gives a study the same figures on 1 and 2 workers', async () => {
    const loaded = parseScenarioText(
      [
        'name: Replayed',
        'open: "09:00"',
        'horizon: 480',
        `arrivals: { trace: ${JSON.stringify(trace)} }`,
        'types: { a: { share: 1, service: { dist: exponential, mean: 3 } }, b: { share: 1, service: { dist: exponential, mean: 5 } } }',
        'counters: { desk: { staff: 4, serves: [a, b] } }',
        '',
      ].join('\n'),
      join(dir, 'replayed.yaml'),
    );
    const study = (workers: number) =>
      runStudy('t', [{ name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir }], { replications: 40, seed: TEST_SEED, period: 60, workers, threadsPayOff: 0 });
    expect(JSON.stringify(await study(2))).toBe(JSON.stringify(await study(1)));
  });
});
