/**
 * Every key frontdesk adds to the contract (shift plans, kiosks, line layouts, priorities,
 * impatience, breakdowns, appointments) answers a bad value the way the rest of the file does:
 * one line naming the file, the field path, what was found and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.js';
import { MINIMAL, scenarioError } from './helpers.js';

const withType = (extra: string) => MINIMAL.replace('consult: { service: { dist: exponential, mean: 5 } }', `consult: { service: { dist: exponential, mean: 5 }, ${extra} }`);
const withGroup = (extra: string) => MINIMAL.replace('general: { staff: 2, serves: [consult] }', `general: { staff: 2, serves: [consult], ${extra} }`);
const KIOSKS = 'kiosks: { count: 2, uptake: { consult: 0.4 }, service: { dist: exponential, mean: 3 }, fallback: 0.1 }\n';

const cases: Array<[what: string, text: string, path: string]> = [
  ['shift plan count negative', MINIMAL.replace('staff: 2', 'staff: [{ at: 0, count: -1 }]'), 'counters.general.staff[0].count'],
  ['shift plan times out of order', MINIMAL.replace('staff: 2', 'staff: [{ at: 0, count: 1 }, { at: 120, count: 2 }, { at: 60, count: 1 }]'), 'counters.general.staff[2].at'],
  ['kiosk count not whole', `${MINIMAL}${KIOSKS.replace('count: 2', 'count: 1.5')}`, 'kiosks.count'],
  ['kiosk uptake above 1', `${MINIMAL}${KIOSKS.replace('consult: 0.4', 'consult: 1.4')}`, 'kiosks.uptake.consult'],
  ['kiosk fallback negative', `${MINIMAL}${KIOSKS.replace('fallback: 0.1', 'fallback: -0.1')}`, 'kiosks.fallback'],
  ['kiosk service unknown distribution', `${MINIMAL}${KIOSKS.replace('dist: exponential, mean: 3', 'dist: poisson, mean: 3')}`, 'kiosks.service.dist'],
  ['jockey not a boolean', `${MINIMAL}queue: per-counter\njockey: sometimes\n`, 'jockey'],
  ['priority as text', withType('priority: high'), 'types.consult.priority'],
  ['preempt not a boolean', withType('preempt: 1'), 'types.consult.preempt'],
  ['patience negative mean', withType('patience: { dist: exponential, mean: -30 }'), 'types.consult.patience.mean'],
  ['balk probability above 1', withType('balk: { probability: [0, 0.5, 1.5] }'), 'types.consult.balk.probability[2]'],
  ['balk queue length zero', `${MINIMAL}balk: { queueLength: 0 }\n`, 'balk.queueLength'],
  ['breakdown mtbf negative', withGroup('breakdown: { mtbf: -60, repair: 5 }'), 'counters.general.breakdown.mtbf'],
  ['breakdown repair unknown key', withGroup('breakdown: { mtbf: 60, repair: { dist: exponential, meen: 5 } }'), 'counters.general.breakdown.repair'],
  ['appointments no-show above 1', `${MINIMAL}appointments: { every: 15, perSlot: 1, noShow: 2 }\n`, 'appointments.noShow'],
  ['appointments every zero', `${MINIMAL}appointments: { every: 0, perSlot: 1, noShow: 0 }\n`, 'appointments.every'],
  ['appointments unknown type', `${MINIMAL}appointments: { every: 15, perSlot: 1, noShow: 0, type: vip }\n`, 'appointments.type'],
];

describe('bad values of the extension keys', () => {
  it.each(cases)('%s', (_, text, path) => {
    const error = scenarioError(() => parseScenarioText(text, 'hall.yaml'));
    expect(error.message).not.toContain('\n');
    expect(error.message.startsWith(`hall.yaml: ${path}: found `), error.message).toBe(true);
    expect(error.message).toMatch(/; expected /);
  });
});
