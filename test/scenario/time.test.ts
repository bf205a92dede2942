import { describe, expect, it } from 'vitest';
import { clockLabel, formatClock, parseClock, toMinutes } from '../../src/scenario/time.js';

describe('clock times', () => {
  it('parses HH:MM and H:MM, and nothing else', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '9am', '09:60', '0900', '', ' 09:00', '09:00:00']) expect(parseClock(bad)).toBeNull();
  });

  it('measures clock times from opening, wrapping past midnight', () => {
    const open = 540; // 09:00
    expect(toMinutes('11:00', open)).toBe(120);
    expect(toMinutes('09:00', open)).toBe(0);
    expect(toMinutes(75, open)).toBe(75);
    expect(toMinutes('02:00', 22 * 60)).toBe(240);
    expect(toMinutes('24:00', 0)).toBe(1440);
    expect(toMinutes('00:00', open)).toBe(900);
  });

  it('labels offsets as clock times', () => {
    expect(clockLabel(540, 0)).toBe('09:00');
    expect(clockLabel(540, 150)).toBe('11:30');
    expect(clockLabel(1380, 120)).toBe('01:00');
    expect(clockLabel(540, 59.9999999999)).toBe('10:00');
    expect(clockLabel(540, 59.5)).toBe('09:59');
    expect(clockLabel(0, -60)).toBe('23:00');
    expect(formatClock(1440 * 3 + 61)).toBe('01:01');
  });
});
