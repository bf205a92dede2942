/**
 * The house's import rules, checked on source text: every file of src/ is in a layer, imports
 * only its own layer or layers below it, and no chain of imports comes back to where it started.
 * Type-only imports count: a type imported upward ties the lower layer to the upper one all the
 * same. Parsing is TypeScript's own (`preProcessFile`), so `import type`, `export ... from` and
 * dynamic `import()` are all seen.
 */
import ts from 'typescript';
import { posix } from 'node:path';

/**
 * The layers, top first (docs/ARCHITECTURE.md). A layer may import those with a lower rank; two
 * layers of the same rank are siblings and may not import each other.
 */
export const LAYER_RANK: ReadonlyMap<string, number> = new Map([
  ['cli', 8],
  ['report', 7],
  ['staffing', 6],
  ['fit', 6],
  ['runner', 5],
  ['scenario', 4],
  ['model', 3],
  ['stats', 2],
  ['core', 1],
  ['figures', 0],
  ['analytic', 0],
]);

/** Files of src/ by path relative to the repository (`src/model/line.ts`), with their text. */
export type Sources = ReadonlyMap<string, string>;

/** The src/ files each file imports (relative imports only; packages are not layers). */
export function importGraph(sources: Sources): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const targets: string[] = [];
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = posix.normalize(posix.join(posix.dirname(file), fileName)).replace(/\.js$/, '.ts');
      targets.push(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

const layerOf = (file: string): string => file.split('/')[1] ?? '';

/** Every broken rule, one line each: files outside a layer, imports upward or sideways, cycles. */
export function importProblems(sources: Sources): string[] {
  const graph = importGraph(sources);
  const problems: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    const fromRank = LAYER_RANK.get(from);
    if (fromRank === undefined || file.split('/').length < 3) {
      problems.push(`${file}: not in a layer (add its folder to LAYER_RANK and docs/ARCHITECTURE.md)`);
      continue;
    }
    for (const target of targets) {
      const to = layerOf(target);
      if (to === from) continue;
      const toRank = LAYER_RANK.get(to);
      if (toRank === undefined || toRank >= fromRank) problems.push(`${file} imports ${target}: ${from} may not import ${to}`);
    }
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle.join(' -> ')}`);
  return problems;
}

/** One cycle through each strongly connected group of files (Tarjan), as a path back to its start. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    const selfImport = (graph.get(v) ?? []).includes(v);
    if (group.length > 1 || selfImport) found.push(pathBack(graph, new Set(group), v));
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** A shortest path from `start` back to itself inside `group` (breadth first). */
function pathBack(graph: Map<string, string[]>, group: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = previous.get(at)!) path.unshift(at);
        path.unshift(start);
        return path;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
