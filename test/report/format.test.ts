import { describe, expect, test } from 'vitest';
import {
  fixed,
  formatClock,
  formatCount,
  formatMinutes,
  formatNumber,
  formatPctChange,
  formatPeriod,
  formatPointChange,
  formatRate,
  formatShare,
  trimmed,
} from '../../src/report/format.js';
import { describeMetric, formatChange, formatHalfWidth } from '../../src/report/metrics.js';
import { displayWidth, pad } from '../../src/report/width.js';

describe('numbers', () => {
  test('a real minus sign, and no negative zero after rounding', () => {
    expect(fixed(-3.25, 1)).toBe('\u22123.3');
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-0, 0)).toBe('0');
    expect(fixed(NaN, 1)).toBe('\u2013');
    expect(fixed(Infinity, 1)).toBe('\u2013');
    expect(trimmed(10, 2)).toBe('10');
    expect(trimmed(2.5, 2)).toBe('2.5');
  });

  test('minutes, shares, counts, rates', () => {
    expect(formatMinutes(7.06)).toBe('7.1 min');
    expect(formatMinutes(7.06, false)).toBe('7.1');
    expect(formatShare(0.8342)).toBe('83.4%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatCount(471.3)).toBe('471');
    expect(formatCount(3.44)).toBe('3.4');
    expect(formatCount(12)).toBe('12');
    expect(formatRate(58.94)).toBe('58.9/h');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(0.12345)).toBe('0.123');
  });

  test('changes: percent with a sign, shares in points', () => {
    expect(formatPctChange(-43.2)).toBe('\u221243%');
    expect(formatPctChange(5.24)).toBe('+5.2%');
    expect(formatPctChange(0.01)).toBe('0%');
    expect(formatPointChange(0.078)).toBe('+7.8 pts');
    expect(formatChange(-5.4, -43.2, 'minutes')).toBe('\u221243%');
    expect(formatChange(0.078, 9.35, 'share')).toBe('+7.8 pts');
    expect(formatChange(2.1, null, 'count')).toBe('+2.1');
  });

  test('± half-widths in the unit of the figure, nothing for an undefined interval', () => {
    const s = { mean: 7.1, sd: 1, ci95: [6.6, 7.6] as [number, number] };
    expect(formatHalfWidth(s, 'minutes')).toBe('±0.5');
    expect(formatHalfWidth({ mean: 0.83, sd: 0.1, ci95: [0.81, 0.85] }, 'share')).toBe('±2.0');
    expect(formatHalfWidth({ mean: 7, sd: NaN, ci95: [NaN, NaN] }, 'minutes')).toBe('');
  });
});

describe('clock times', () => {
  test('HH:MM from the opening clock plus an offset, wrapping at midnight', () => {
    expect(formatClock(540, 0)).toBe('09:00');
    expect(formatClock(540, 90)).toBe('10:30');
    // Seconds are dropped, as in the JSON's period clock: 09:29:36 is 09:29.
    expect(formatClock(540, 29.6)).toBe('09:29');
    expect(formatClock(23 * 60, 90)).toBe('00:30');
    expect(formatPeriod(540, 0, 60)).toBe('09:00\u201310:00');
    expect(formatPeriod(540, 0, 60, '-')).toBe('09:00-10:00');
  });
});

describe('metric catalogue', () => {
  test('known keys, per-group families and unknown keys', () => {
    expect(describeMetric('waitMean')).toMatchObject({ label: 'Mean wait', kind: 'minutes', better: 'lower' });
    expect(describeMetric('utilization.general')).toMatchObject({ label: 'Utilisation general', kind: 'share' });
    expect(describeMetric('openCounters.general')).toMatchObject({ label: 'Open counters general', kind: 'counters' });
    expect(describeMetric('staffCost')).toMatchObject({ label: 'staffCost', kind: 'number', better: null });
    // Not found on Object.prototype.
    expect(describeMetric('constructor')).toMatchObject({ label: 'constructor', kind: 'number' });
  });
});

describe('display width', () => {
  test('±, − and ≤ are one column; CJK two; ANSI colours and combining marks none', () => {
    expect(displayWidth('7.1 ±0.5 (\u221243%)')).toBe(15);
    expect(displayWidth('≤10')).toBe(3);
    expect(displayWidth('窓口')).toBe(4);
    expect(displayWidth('\x1b[32m+5%\x1b[39m')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(pad('窓口', 6, 'right')).toBe('  窓口');
    expect(pad('±1', 4, 'left')).toBe('±1  ');
  });
});
