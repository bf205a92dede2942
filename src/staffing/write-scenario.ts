/**
 * The scenario with the found staffing in it, so that `frontdesk run FILE` re-checks the answer:
 * each searched group's `staff` becomes a shift plan (the roster's counters on duty when shifts
 * were given, else the required counters per period). The last step's count holds until the hall
 * empties. Everything else in the file, the staffing block included, is kept as written.
 */
import { stringify } from 'yaml';
import { clockLabel } from '../scenario/time.js';
import type { StaffSteps } from './evaluate.js';
import type { StaffingResult } from './staff.js';

export function scenarioWithStaffing(raw: unknown, result: StaffingResult, format: 'yaml' | 'json'): string {
  const copy = structuredClone(raw) as { counters: Record<string, { staff: unknown }> };
  const plans = result.roster ? result.roster.steps : result.steps;
  for (const [group, steps] of Object.entries(plans)) copy.counters[group].staff = shiftPlan(steps, result.openClock);
  if (format === 'json') return JSON.stringify(copy, null, 2) + '\n';
  const what = result.roster ? `the roster's counters on duty (cost ${result.roster.cost})` : 'the required counters per period';
  return (
    `# Written by \`frontdesk staff\`: ${Object.keys(plans).join(', ')} staffed with ${what}.\n` +
    `# \`frontdesk run\` on this file re-checks the plan.\n` +
    stringify(copy, { lineWidth: 0 })
  );
}

/** Steps as `{ at, count }`, times as clock times where they fall on whole minutes. */
function shiftPlan(steps: StaffSteps, openClock: number): { at: string | number; count: number }[] {
  return steps.at.map((at, i) => ({ at: Number.isInteger(at) && openClock + at < 1440 ? clockLabel(openClock, at) : at, count: steps.count[i] }));
}
