/**
 * Where the event loop allocates: one warm day of bench/scenarios/mm10.yaml under V8's sampling
 * heap profiler, short-lived objects included, summed by the function that allocated them.
 *   node dist/bench/allocations.js [customers]
 * The loop itself creates no objects; what shows is V8 boxing numbers passed between functions it
 * did not inline (and the random generator's own boxes), which the young-generation GC reclaims.
 */
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { FrontDesk } from '../src/model/front-desk.js';
import { compileScenario } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';

interface ProfileNode {
  callFrame: { functionName: string; lineNumber: number; url: string };
  selfSize: number;
  children: ProfileNode[];
}

const customers = Number(process.argv[2] ?? 1_000_000);
const loaded = loadScenario(fileURLToPath(new URL('../../bench/scenarios/mm10.yaml', import.meta.url)));
const scenario = { ...loaded.scenario, horizon: Math.ceil(customers / 9) };
const desk = new FrontDesk(compileScenario(scenario, { baseDir: loaded.baseDir }), scenario.horizon);
// Warm: the profile should see optimised code, as a long run does.
desk.runDay(scenario.seed, 0);
desk.runDay(scenario.seed, 1);

const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const day = desk.runDay(scenario.seed, 2);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
session.disconnect();

const bySite = new Map<string, number>();
const walk = (node: ProfileNode) => {
  if (node.selfSize > 0) {
    const file = node.callFrame.url.split('/').pop() || '(native)';
    const site = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  }
  node.children.forEach(walk);
};
walk(profile.head);
const total = [...bySite.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`${day.customers.toLocaleString('en')} customers: ${(total / day.customers).toFixed(0)} bytes allocated per customer\n`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  process.stdout.write(`  ${(bytes / day.customers).toFixed(1).padStart(6)} B/customer  ${site}\n`);
}
