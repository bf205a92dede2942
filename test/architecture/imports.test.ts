import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importProblems } from './import-graph.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourcesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, dir));
  return out;
}

describe('the layers of src/', () => {
  // Why: "data flows down; nothing imports upward" (docs/ARCHITECTURE.md) stopped being true once
  // without anyone noticing; this keeps it true as new layers (staffing, fit) are added.
  it('every file is in a layer, imports only downward, and no imports go round in a circle', () => {
    expect(importProblems(sourcesOf('src'))).toEqual([]);
  });

  // Why: a check that cannot fail proves nothing. The same check on the real sources with one
  // upward import and one circle added must name both.
  it('names an upward import and an import circle when they are added', () => {
    const sources = sourcesOf('src');
    const day = 'src/model/day-statistics.ts';
    sources.set(day, `import type { Result } from '../runner/result.js';\n${sources.get(day)}`);
    sources.set('src/stats/a.ts', `import { b } from './b.js';\nexport const a = 1;`);
    sources.set('src/stats/b.ts', `export { a } from './a.js';\nexport const b = 2;`);
    sources.set('src/cli/notes.ts', `const m = await import('../report/index.js');`);
    expect(importProblems(sources)).toEqual([
      'src/model/day-statistics.ts imports src/runner/result.ts: model may not import runner',
      'import cycle: src/stats/a.ts -> src/stats/b.ts -> src/stats/a.ts',
    ]);
  });

  it('a folder that is not a layer is named', () => {
    const sources = new Map([['src/gadgets/x.ts', 'export const x = 1;']]);
    expect(importProblems(sources)).toEqual(['src/gadgets/x.ts: not in a layer (add its folder to LAYER_RANK and docs/ARCHITECTURE.md)']);
  });
});
