import { describe, expect, test } from 'vitest';
import {
  render,
  renderCsv,
  renderReport,
  renderJson,
  renderMarkdown,
  renderTable,
  REPORT_FORMATS,
  type ReportFormat,
} from '../../src/report/index.js';
import { compareResult, runResult } from './fixtures.js';

describe('render', () => {
  test('dispatches on the format; colour reaches the table only', () => {
    const r = compareResult();
    expect(render(r, 'table', {})).toBe(renderTable(r));
    expect(render(r, 'table', { color: true })).toBe(renderTable(r, { color: true }));
    expect(render(r, 'json', { color: true })).toBe(renderJson(r));
    expect(render(r, 'csv', { color: true })).toBe(renderCsv(r));
    expect(render(r, 'markdown', { color: true })).toBe(renderMarkdown(r));
    expect(REPORT_FORMATS).toEqual(['table', 'json', 'csv', 'markdown', 'html']);
  });

  test('every format is pure: the same Result prints the same bytes, and the Result is untouched', async () => {
    for (const format of REPORT_FORMATS) {
      for (const make of [runResult, compareResult]) {
        const r = make();
        const before = structuredClone(r);
        expect(await renderReport(r, format)).toBe(await renderReport(make(), format));
        expect(r).toEqual(before);
      }
    }
  });

  test('renderReport gives what render gives, and the HTML report too', async () => {
    const r = compareResult();
    for (const format of REPORT_FORMATS.filter((f) => f !== 'html')) expect(await renderReport(r, format)).toBe(render(r, format));
    expect(await renderReport(r, 'html')).toMatch(/^<!doctype html>/);
  });

  test('an unknown format is an error naming the known ones', () => {
    expect(() => render(runResult(), 'xml' as ReportFormat)).toThrow(/table, json, csv, markdown/);
  });
});
