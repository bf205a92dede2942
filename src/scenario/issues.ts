/**
 * Turns zod's list of issues into the one ScenarioError a planner reads. zod reports every
 * problem; people fix one at a time, so we show the most useful one (the deepest path: the most
 * precise place) and count the rest.
 */
import type { z } from 'zod';
import { ScenarioError, clip, describeFound, formatPath, oneOf, valueAt } from './errors.js';
import { KNOWN_KEYS } from './expectations.js';

/** One problem, path from the root of the parsed file. */
export interface Problem {
  path: PropertyKey[];
  /** The path with the offending key appended, for unknown keys; otherwise the path. */
  focus?: PropertyKey[];
  found: string;
  expected: string;
  /** Sorting weight: deeper is more precise; unknown keys count one level deeper than their object. */
  depth: number;
  /** Tie-break: unknown keys first (they usually explain a "missing" neighbour), then file order. */
  rank: number;
}

type Issue = z.core.$ZodIssue;

/** A union failed for every option: if the input has the shape of one option, its problems are the real ones. */
function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, root: unknown, base: PropertyKey[]): Problem[] | null {
  if (issue.errors.length === 0) return null;
  const shaped = issue.errors.filter(
    (branch) => branch.length > 0 && !branch.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
  );
  if (shaped.length === 0) return null;
  // The option with the fewest problems is the one the author most likely meant.
  const best = shaped.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((inner) => issueProblems(inner, root, base));
}

/** The problems one zod issue stands for, with paths from the root. */
function issueProblems(issue: Issue, root: unknown, base: PropertyKey[] = []): Problem[] {
  const path = [...base, ...issue.path];
  const at = valueAt(root, path);
  const rank = 1;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = issue.message.startsWith(KNOWN_KEYS) ? issue.message.slice(KNOWN_KEYS.length).split(', ') : [];
      const allowed = known.length > 0 ? `only ${known.join(', ')}` : 'no other keys';
      return issue.keys.map((key, i) => ({
        path,
        focus: [...path, key],
        found: `unknown key ${JSON.stringify(clip(key))}`,
        // Only the first of them can be shown: spare thousands of "did you mean" searches.
        expected: i === 0 && known.length > 0 ? `only ${oneOf(known, key).replace(/^one of /, '')}` : allowed,
        depth: path.length + 1,
        rank: 0,
      }));
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const tag = valueAt(root, path);
        return [{ path, found: describeFound(tag), expected: oneOf(((issue as { options?: unknown[] }).options ?? []).map(String), tag), depth: path.length, rank }];
      }
      const inner = unionProblems(issue, root, path);
      if (inner) return inner;
      return [{ path, found: describeFound(at), expected: issue.message, depth: path.length, rank }];
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const expected = issue.issues[0]?.message ?? issue.message;
      return [{ path, found: `the name ${describeFound(String(key))}`, expected, depth: path.length, rank }];
    }
    case 'custom': {
      const found = (issue.params as { found?: string } | undefined)?.found ?? describeFound(at);
      return [{ path, found, expected: issue.message, depth: path.length, rank }];
    }
    default:
      return [{ path, found: describeFound(at), expected: issue.message, depth: path.length, rank }];
  }
}

/** A missing value says it is required: "found nothing" alone reads like a parser failure. */
function markRequired(problem: Problem, root: unknown): Problem {
  if (problem.found !== 'nothing' || problem.rank === 0 || problem.expected.endsWith('(required)')) return problem;
  const parent = valueAt(root, problem.path.slice(0, -1));
  return parent !== null && typeof parent === 'object' ? { ...problem, expected: `${problem.expected} (required)` } : problem;
}

/** Every problem, most useful first. */
export function problemsOf(issues: readonly Issue[], root: unknown): Problem[] {
  const problems = issues.flatMap((issue) => issueProblems(issue, root)).map((p) => markRequired(p, root));
  return problems
    .map((p, order) => ({ p, order }))
    .sort((a, b) => b.p.depth - a.p.depth || a.p.rank - b.p.rank || a.order - b.order)
    .map(({ p }) => p);
}

/** The ScenarioError for a failed parse: the first problem, and how many more there are. */
export function errorFromIssues(issues: readonly Issue[], root: unknown, file: string): ScenarioError {
  const problems = problemsOf(issues, root);
  const first = problems[0] ?? { path: [], found: describeFound(root), expected: 'a valid scenario', depth: 0, rank: 0 };
  return new ScenarioError({
    file,
    path: formatPath(first.path),
    found: first.found,
    expected: first.expected,
    more: Math.max(0, problems.length - 1),
    segments: first.focus ?? first.path,
  });
}
