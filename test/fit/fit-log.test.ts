/** What fit makes of thin logs: no type, no counter, no dates, whole minutes; and what it refuses. */
import { describe, expect, it } from 'vitest';
import { fitLog } from '../../src/fit/fit-log.js';
import { scenarioText } from '../../src/fit/scenario-text.js';
import { parseTicketLog } from '../../src/fit/ticket-log.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';

/** Three counters' worth of overlapping services from 09:00, one ticket in six left unserved, times in whole minutes. */
function thinLog(): string {
  const rows = ['Arrival,Call,End'];
  for (let i = 0; i < 60; i++) {
    const issued = 540 + i * 2;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    if (i % 6 === 5) rows.push(`${hhmm(issued)},,`);
    else rows.push(`${hhmm(issued)},${hhmm(issued + 1)},${hhmm(issued + 4 + (i % 3))}`);
  }
  return rows.join('\n');
}

describe('fitting thin logs', () => {
  it('no type, counter or date column: one type, counters from the services under way, one day; the file loads', () => {
    const fitted = fitLog(parseTicketLog(thinLog(), 'thin.csv'));
    expect(fitted.days).toBe(1);
    expect(fitted.types.map((t) => t.name)).toEqual(['customer']);
    expect(fitted.countersFrom).toBe('services under way');
    expect(fitted.periods.map((p) => p.counters)).toEqual([3, 3]);
    expect(fitted.openClock).toBe(540);
    expect(fitted.horizon).toBe(120);
    const text = scenarioText(fitted);
    expect(text).toMatch(/customer: {3}# the log has no type column/);
    expect(text).toMatch(/no counter column: the most services under way at once/);
    // 10 leavers, fewer than 30: the law of all types together.
    expect(text).toMatch(/patience: 10 left unserved, fewer than 30: the law of all types together/);
    const loaded = parseScenarioText(text, 'thin.yaml');
    expect(loaded.scenario.arrivals.profile).toEqual([{ at: '09:00', perHour: 30 }, { at: '10:00', perHour: 30 }]);
  });

  it('--period 30 halves the periods', () => {
    const fitted = fitLog(parseTicketLog(thinLog(), 'thin.csv'), { period: 30 });
    expect(fitted.periods).toHaveLength(4);
    expect(fitted.periods.every((p) => p.perHour === 30)).toBe(true);
  });

  it('refuses a log with no end times: the service times cannot be fitted', () => {
    expect(() => fitLog(parseTicketLog('issued,called\n09:00,09:01\n', 'calls.csv'))).toThrow(ScenarioError);
    expect(() => fitLog(parseTicketLog('issued,called\n09:00,09:01\n', 'calls.csv'))).toThrow(/calls\.csv: \(columns\): found no finished column; expected called and finished times/);
  });
});
