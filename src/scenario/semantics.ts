/**
 * Checks that relate several values, which the schema (one value at a time) cannot express: names
 * that must refer to something, times that must be ascending and inside the day, a mix that must
 * be able to arrive. Errors have the same one-line form as schema errors.
 */
import { ScenarioError, describeFound, formatPath, oneOf } from './errors.js';
import type { Scenario, Staffing } from './schema.js';
import { MAX_BOOKED, MAX_SERVERS, MAX_STAFFING_PERIODS, MIN_PERIOD } from './limits.js';
import { formatClock, parseClock, toMinutes, type TimeValue } from './time.js';

interface Problem {
  path: PropertyKey[];
  found: string;
  expected: string;
}

/** Collects problems in file order; the first is reported, the rest counted. */
class Findings {
  readonly list: Problem[] = [];
  add(path: PropertyKey[], found: string, expected: string): void {
    this.list.push({ path, found, expected });
  }
}

/** A time as written, with a note when a clock time before opening was read as after midnight. */
function describeTime(value: TimeValue, openClock: number): string {
  const shown = describeFound(value);
  if (typeof value === 'string') {
    const clock = parseClock(value);
    if (clock !== null && clock < openClock) return `${shown} (before opening, so read as after midnight)`;
  }
  return shown;
}

/** How a minute offset reads for a planner: `minute 480 (17:00)`. */
function atClock(offset: number, openClock: number): string {
  return `minute ${offset} (${formatClock(openClock + offset)})`;
}

/**
 * Checks a step list (shift plan or arrival profile): first step at opening, strictly ascending,
 * all before the horizon.
 */
function checkSteps(
  steps: readonly { at: TimeValue }[],
  basePath: PropertyKey[],
  openClock: number,
  horizon: number,
  what: string,
  findings: Findings,
): void {
  let previous = -Infinity;
  steps.forEach((step, i) => {
    const at = toMinutes(step.at, openClock);
    const path = [...basePath, i, 'at'];
    const found = describeTime(step.at, openClock);
    if (i === 0 && at !== 0) {
      findings.add(path, found, `the opening time ("${formatClock(openClock)}" or 0): a ${what} starts at opening`);
    } else if (i > 0 && at <= previous) {
      findings.add(path, found, `a time after the previous step at ${atClock(previous, openClock)}: steps are in ascending order`);
    } else if (at >= horizon) {
      findings.add(path, found, `a time before the horizon at ${atClock(horizon, openClock)}`);
    }
    previous = at;
  });
}

/**
 * The report period: at least MIN_PERIOD minutes. However long the horizon, that bounds the report
 * to 1,440 periods, since a horizon longer than a day is folded by time of day (limits.ts).
 * Shared with the CLI's --period.
 */
export function periodProblem(period: number): string | null {
  if (period < MIN_PERIOD) return `at least ${MIN_PERIOD} minute`;
  return null;
}

/**
 * The staffing search's period against the horizon: it staffs every period of the horizon
 * (MAX_STAFFING_PERIODS). Null when fine, else what was expected.
 */
export function staffingPeriodProblem(period: number, horizon: number): string | null {
  if (period < MIN_PERIOD) return `at least ${MIN_PERIOD} minute`;
  if (Math.ceil(horizon / period) > MAX_STAFFING_PERIODS) {
    return `at least ${Number((horizon / MAX_STAFFING_PERIODS).toPrecision(3))} minutes for a horizon of ${horizon} minutes (the staffing search staffs at most ${MAX_STAFFING_PERIODS.toLocaleString('en-US')} periods)`;
  }
  return null;
}

function checkPeriod(period: number, path: (string | number)[], findings: Findings): void {
  const problem = periodProblem(period);
  if (problem) findings.add(path, String(period), problem);
}

/** Throws a ScenarioError for the first problem the schema could not see. */
export function checkSemantics(scenario: Scenario, file: string): void {
  const findings = new Findings();
  const openClock = parseClock(scenario.open) ?? 0;
  const horizon = toMinutes(scenario.horizon, openClock);
  const typeNames = Object.keys(scenario.types);
  const typeExpected = (found: unknown) => `a customer type: ${oneOf(typeNames, found)}`;

  if (horizon <= 0) {
    findings.add(['horizon'], describeTime(scenario.horizon, openClock), 'a positive number of minutes, or a closing time "HH:MM" after opening');
  }
  const warmup = toMinutes(scenario.warmup, openClock);
  if (horizon > 0 && warmup >= horizon) {
    findings.add(['warmup'], describeTime(scenario.warmup, openClock), `less than the horizon at ${atClock(horizon, openClock)}`);
  }

  // Arrivals: a rate must exist somewhere, steps must cover the day in order.
  const hasAppointments = scenario.appointments !== undefined;
  const { perHour, profile } = scenario.arrivals;
  if (perHour === 0 && !hasAppointments) {
    findings.add(['arrivals', 'perHour'], '0', 'a positive rate (or appointments): otherwise nobody arrives');
  }
  if (profile) {
    checkSteps(profile, ['arrivals', 'profile'], openClock, horizon, 'profile', findings);
    if (!hasAppointments && profile.every((step) => step.perHour === 0)) {
      findings.add(['arrivals', 'profile'], 'only rates of 0', 'at least one positive perHour (or appointments): otherwise nobody arrives');
    }
  }

  // Types: the mix must be drawable.
  const totalShare = Object.values(scenario.types).reduce((sum, t) => sum + t.share, 0);
  if (totalShare <= 0) findings.add(['types'], 'shares that sum to 0', 'at least one type with a positive share');

  // Counters: names must exist, every type must be served, shift plans must make sense.
  const served = new Set<string>();
  for (const [group, spec] of Object.entries(scenario.counters)) {
    const seen = new Set<string>();
    spec.serves.forEach((name, i) => {
      const path = ['counters', group, 'serves', i];
      if (!Object.prototype.hasOwnProperty.call(scenario.types, name)) {
        findings.add(path, describeFound(name), typeExpected(name));
      } else if (seen.has(name)) {
        findings.add(path, describeFound(name), 'each type once in a group');
      }
      seen.add(name);
      served.add(name);
    });
    if (Array.isArray(spec.staff)) {
      checkSteps(spec.staff, ['counters', group, 'staff'], openClock, horizon, 'shift plan', findings);
      if (spec.staff.every((step) => step.count === 0)) {
        findings.add(['counters', group, 'staff'], 'a shift plan that never staffs a counter', 'at least one step with count >= 1');
      }
    }
  }
  for (const name of typeNames) {
    if (!served.has(name)) {
      findings.add(['types', name], 'a type no counter group serves', 'its name in some counters.*.serves');
    }
  }

  if (scenario.kiosks) {
    for (const name of Object.keys(scenario.kiosks.uptake)) {
      if (!Object.prototype.hasOwnProperty.call(scenario.types, name)) {
        findings.add(['kiosks', 'uptake', name], `the name ${describeFound(name)}`, typeExpected(name));
      }
    }
  }

  // Sizes that a day must lay out in memory (limits.ts): refused here, so validate and run agree.
  const servers =
    Object.values(scenario.counters).reduce((n, g) => n + (Array.isArray(g.staff) ? Math.max(0, ...g.staff.map((s) => s.count)) : g.staff), 0) +
    (scenario.kiosks?.count ?? 0);
  if (servers > MAX_SERVERS) {
    findings.add(['counters'], `${servers.toLocaleString('en-US')} counters and kiosks at their largest`, `at most ${MAX_SERVERS.toLocaleString('en-US')} in a hall`);
  }
  checkPeriod(scenario.period, ['period'], findings);

  if (scenario.appointments) {
    const { type, start, every, perSlot } = scenario.appointments;
    const slots = Math.ceil((horizon - Math.max(0, toMinutes(start, openClock))) / every);
    if (horizon > 0 && slots * perSlot > MAX_BOOKED) {
      const fewest = (Math.max(0, horizon - Math.max(0, toMinutes(start, openClock))) * perSlot) / MAX_BOOKED;
      findings.add(
        ['appointments', 'every'],
        `${every} (${(slots * perSlot).toLocaleString('en-US')} booked visits a day)`,
        `at most ${MAX_BOOKED.toLocaleString('en-US')} booked visits a day: every >= ${Number(fewest.toPrecision(3))} minutes with perSlot ${perSlot}`,
      );
    }
    if (type !== undefined && !Object.prototype.hasOwnProperty.call(scenario.types, type)) {
      findings.add(['appointments', 'type'], describeFound(type), typeExpected(type));
    }
    const startAt = toMinutes(start, openClock);
    if (horizon > 0 && startAt >= horizon) {
      findings.add(['appointments', 'start'], describeTime(start, openClock), `a time before the horizon at ${atClock(horizon, openClock)}`);
    }
  }

  if (scenario.staffing) checkStaffing(scenario.staffing, Object.keys(scenario.counters), horizon, findings);

  if (scenario.jockey && scenario.queue !== 'per-counter') {
    findings.add(['jockey'], 'true', 'false, or queue: per-counter (jockeying moves customers between per-counter lines)');
  }

  const [first, ...rest] = findings.list;
  if (first) {
    throw new ScenarioError({
      file,
      path: formatPath(first.path),
      found: first.found,
      expected: first.expected,
      more: rest.length,
      segments: first.path,
    });
  }
}

/** The staffing block names groups that exist, and its shifts fit in the day and staff a searched group. */
function checkStaffing(staffing: Staffing, groupNames: string[], horizon: number, findings: Findings): void {
  const groupExpected = (found: unknown) => `a counter group: ${oneOf(groupNames, found)}`;
  const searched = staffing.groups ?? groupNames;
  staffing.groups?.forEach((name, i) => {
    if (!groupNames.includes(name)) findings.add(['staffing', 'groups', i], describeFound(name), groupExpected(name));
  });
  staffing.shifts?.forEach((shift, i) => {
    const path = ['staffing', 'shifts', i];
    if (!groupNames.includes(shift.group)) findings.add([...path, 'group'], describeFound(shift.group), groupExpected(shift.group));
    else if (!searched.includes(shift.group)) {
      findings.add([...path, 'group'], describeFound(shift.group), `a group the search staffs: ${searched.join(', ')}`);
    }
    if (horizon > 0 && shift.length > horizon) {
      findings.add([...path, 'length'], String(shift.length), `at most the horizon (${horizon} minutes): a shift lies within the day`);
    }
    let end = 0;
    shift.breaks.forEach((b, k) => {
      if (b.after[0] < end) {
        findings.add([...path, 'breaks', k, 'after', 0], String(b.after[0]), `at least ${end}: breaks come in order and do not overlap`);
      }
      if (b.after[1] + b.length > shift.length) {
        findings.add([...path, 'breaks', k, 'after', 1], String(b.after[1]), `at most ${shift.length - b.length}: a break ends within its shift`);
      }
      end = b.after[0] + b.length;
    });
  });
}
