/**
 * Names (of the scenario and its variants: other names are identifiers) with ESC, BEL or a line break reach no terminal raw: every report but JSON (which escapes
 * them itself) and every warning shows them as visible escapes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontdesk } from '../helpers/cli.js';

const NAME = 'walk\u001b[31min\u0007\nnew line';

describe('control characters in names', () => {
  it('are escaped in the table, Markdown and CSV, and in warnings; JSON keeps them exactly', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-ctl-')), 'hall.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: NAME,
        horizon: 120,
        arrivals: { perHour: 30 },
        types: { a: { share: 1, service: { dist: 'exponential', mean: 2 } } },
        counters: { c: { staff: 2, serves: ['a'] } },
        variants: [{ name: `v${NAME}`, set: { 'counters.c.staff': 3 } }],
      }),
    );
    for (const format of ['table', 'markdown', 'csv']) {
      const run = frontdesk(['compare', file, '-n', '1', '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(run.stdout).toMatch(/walk\\+x1b/);
      expect(run.stdout).toMatch(/x07\\+nnew line/);
    }
    const json = frontdesk(['compare', file, '-n', '1', '--format', 'json']);
    expect(JSON.parse(json.stdout).scenario).toBe(NAME);
    expect(json.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
