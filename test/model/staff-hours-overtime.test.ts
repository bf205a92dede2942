/**
 * Staff-hours, their cost, and when the last customer left (issue 14): counted from replayed
 * arrivals with fixed service times, so every figure is known to the minute.
 */
import { describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import { buildModel, type ModelSketch } from '../helpers/model.js';
import { TEST_SEED } from '../helpers/seed.js';

const TWENTY = { dist: 'deterministic', value: 20 } as const;

function day(sketch: ModelSketch) {
  return new FrontDesk(buildModel(sketch), 60).runDay(TEST_SEED, 0).metrics;
}

describe('the last customer and overtime', () => {
  // Two counters; two customers at opening (served 0-20), two just before the horizon at 60
  // (served 50-70 and 55-75).
  const late: ModelSketch = {
    trace: { times: [0, 0, 50, 55] },
    types: [{ service: TWENTY }],
    groups: [{ name: 'desk', staff: 2, cost: 30 }],
    horizon: 60,
  };

  it('with drain: the hall empties at 75, 15 minutes past closing; the counters are on duty until then', () => {
    const m = day(late);
    expect(m.lastDeparture).toBe(75);
    expect(m.overtime).toBe(15);
    // Both counters from 0 to the group's last service end (75): 150 counter-minutes.
    expect(m['staffHours.desk']).toBeCloseTo(2.5, 12);
    expect(m.cost).toBeCloseTo(75, 12);
  });

  it('without drain: the day stops at the horizon, so does the staff time; no overtime', () => {
    const m = day({ ...late, drain: false });
    expect(m.lastDeparture).toBe(20);
    expect(m.overtime).toBe(0);
    expect(m['staffHours.desk']).toBeCloseTo(2, 12);
    expect(m.cost).toBeCloseTo(60, 12);
  });

  it('a hall nobody came to has no last customer and no overtime', () => {
    const m = day({ ...late, trace: { times: [] } });
    expect(m.lastDeparture).toBeNaN();
    expect(m.overtime).toBe(0);
    expect(m['staffHours.desk']).toBeCloseTo(2, 12);
  });
});

describe('staff-hours follow the shift plan', () => {
  it('a counter whose shift ends while it serves counts until its customer leaves', () => {
    // Two counters until 30, then one. Both serve from 0 to 40: the closing one stays until 40.
    const m = day({
      trace: { times: [0, 0] },
      types: [{ service: { dist: 'deterministic', value: 40 } }],
      groups: [{ name: 'desk', staff: [[0, 2], [30, 1]] }],
      horizon: 60,
    });
    expect(m['staffHours.desk']).toBeCloseTo((2 * 40 + 1 * 20) / 60, 12);
    expect(m.lastDeparture).toBe(40);
    expect(m.overtime).toBe(0);
  });

  it('one figure per counter group, none for the kiosks; the cost counts the groups that have one', () => {
    const sketch: ModelSketch = {
      trace: { times: [0] },
      types: [{ service: TWENTY, kioskUptake: 0 }],
      groups: [
        { name: 'front', staff: 3, cost: 10 },
        { name: 'back', staff: [[0, 1], [30, 2]] },
      ],
      horizon: 60,
      kiosks: { count: 4, service: TWENTY },
    };
    const m = day(sketch);
    expect(Object.keys(m).filter((k) => k.startsWith('staffHours.'))).toEqual(['staffHours.front', 'staffHours.back']);
    expect(m['staffHours.front']).toBeCloseTo(3, 12);
    expect(m['staffHours.back']).toBeCloseTo((30 + 2 * 30) / 60, 12);
    expect(m.cost).toBeCloseTo(30, 12);
    expect(day({ ...sketch, groups: sketch.groups.map(({ cost: _, ...g }) => g) }).cost).toBeNaN();
  });
});
