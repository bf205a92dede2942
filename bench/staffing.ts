/**
 * Time of `frontdesk staff`, the whole command in a fresh process (start-up, HiGHS included), on the
 * bundled staffing example and on a 12-hour hall with four counter groups
 * (bench/scenarios/staffing-hall.yaml), with the number of days the search simulated.
 *   node dist/bench/staffing.js   runs both once and prints the figures
 * `npm run bench` calls benchStaffing.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './grid-load.js';

const main = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

interface StaffFigures {
  wallSeconds: number;
  simulatedDays: number;
  periods: number;
  groups: number;
}

function measure(scenario: string): StaffFigures {
  const start = performance.now();
  const out = execFileSync(process.execPath, [main, 'staff', scenario, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallSeconds = (performance.now() - start) / 1000;
  const result = JSON.parse(out) as { search: { simulatedDays: number }; periods: unknown[]; groups: unknown[] };
  return { wallSeconds, simulatedDays: result.search.simulatedDays, periods: result.periods.length, groups: result.groups.length };
}

const CASES = [
  { name: 'staff-bank', path: 'scenarios/bank-staffing.yaml', what: 'bundled bank example, 8 hours, 1 group, shifts', target: ' (target < 20 s)' },
  { name: 'staff-hall', path: 'bench/scenarios/staffing-hall.yaml', what: '12-hour hall, 4 groups, shifts', target: '' },
];

export function benchStaffing({ repeats, log, write }: BenchContext): void {
  for (const c of CASES) {
    const runs = Array.from({ length: repeats }, () => measure(file(c.path)));
    const times = runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    log(`frontdesk staff, ${c.what}: ${median.toFixed(1)} s, ${runs[0].simulatedDays} simulated days${c.target}\n`);
    write(c.name, {
      description: `frontdesk staff ${c.path} --format json (${c.what}), whole command`,
      wallSeconds: { median, min: times[0], max: times[times.length - 1] },
      simulatedDays: runs[0].simulatedDays,
      periods: runs[0].periods,
      groups: runs[0].groups,
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchStaffing({ repeats: 1, log: (t) => process.stdout.write(t), write: () => {} });
}
