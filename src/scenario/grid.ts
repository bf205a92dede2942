/**
 * Grids: a sweep written as the values each setting takes, e.g.
 * `grid: { counters.windows.staff: [3, 4, 5], kiosks.count: [0, 2] }`, instead of one hand-written
 * variant per combination. Each combination is a variant whose `set` is one value of every listed
 * path; variants follow the file order of the paths, the first path varying slowest (as nested
 * loops written in that order), and come after the listed `variants`. A combination's name is its
 * settings, `counters.windows.staff=3, kiosks.count=0`, so reports and merges name it the same
 * everywhere. The variants are then applied and validated exactly like hand-written ones
 * (variants.ts), with errors pointed at the grid entry: `grid."kiosks.count"[1]`.
 */
import { ScenarioError, describeFound } from './errors.js';
import { MAX_GRID_VARIANTS } from './limits.js';
import type { Variant } from './schema.js';

/** The grid as validated by the schema: dotted path -> the values it takes (at least one). */
export type Grid = Record<string, unknown[]>;

/** How a value reads in a variant's name: strings as written, anything else as JSON. */
export function gridValueLabel(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Number of combinations (variants) of a grid; 0 without one. */
export function gridSize(grid: Grid | undefined): number {
  if (grid === undefined) return 0;
  return Object.values(grid).reduce((n, values) => n * values.length, 1);
}

/**
 * The index into each path's values of combination `k` (0-based, in grid order): a mixed-radix
 * number whose last digit is the last path.
 */
export function gridPicks(grid: Grid, k: number): Record<string, number> {
  const paths = Object.keys(grid);
  const picks: Record<string, number> = {};
  let rest = k;
  for (let i = paths.length - 1; i >= 0; i--) {
    const n = grid[paths[i]].length;
    picks[paths[i]] = rest % n;
    rest = Math.floor(rest / n);
  }
  // Keep the file order of the paths in the object as well.
  return Object.fromEntries(paths.map((p) => [p, picks[p]]));
}

/**
 * The grid's variants in order, after checking what only the whole grid can show: its size, and
 * names that would collide (a value listed twice, or a listed variant with a combination's name).
 * Linear in the number of combinations: names are built from labels computed once per value.
 */
export function gridVariants(grid: Grid | undefined, listed: readonly Variant[], file: string): Variant[] {
  if (grid === undefined) return [];
  const paths = Object.keys(grid);
  const size = gridSize(grid);
  if (size > MAX_GRID_VARIANTS) {
    throw new ScenarioError({
      file,
      path: 'grid',
      found: `${size.toLocaleString('en-US')} combinations (${paths.map((p) => grid[p].length).join(' × ')})`,
      expected: `at most ${MAX_GRID_VARIANTS.toLocaleString('en-US')} combinations; split the study into several files`,
      segments: ['grid'],
    });
  }
  const labels = paths.map((path) => {
    const seen = new Map<string, number>();
    return grid[path].map((value, i) => {
      const label = gridValueLabel(value);
      const first = seen.get(label);
      if (first !== undefined) {
        throw new ScenarioError({
          file,
          path: `grid.${JSON.stringify(path)}[${i}]`,
          found: `${describeFound(value)}, already listed at [${first}]`,
          expected: 'each value once (a combination is named by its values)',
          segments: ['grid', path, i],
        });
      }
      seen.set(label, i);
      return `${path}=${label}`;
    });
  });
  const names = new Set(listed.map((v) => v.name));
  const out: Variant[] = [];
  for (let k = 0; k < size; k++) {
    const picks = gridPicks(grid, k);
    const name = paths.map((p, i) => labels[i][picks[p]]).join(', ');
    if (names.has(name)) {
      throw new ScenarioError({
        file,
        path: 'grid',
        found: `the combination ${JSON.stringify(name)}, also the name of a listed variant`,
        expected: 'listed variants named otherwise than the grid\'s combinations',
        segments: ['grid'],
      });
    }
    out.push({ name, set: Object.fromEntries(paths.map((p) => [p, grid[p][picks[p]]])) });
  }
  return out;
}
