/**
 * Nesting depth guards. The YAML composer and every later recursive step (validation, cloning)
 * recurse once per level; a file nested thousands deep overflows the stack, and V8 has been seen to
 * abort the whole process (not throw) after such an overflow inside the parser. So depth is measured
 * without recursion BEFORE anything recursive runs, and deep files are refused with a clear error.
 */

/** Position of the deepest point found, as an offset into the text. */
export interface DepthReport {
  depth: number;
  offset: number;
}

/**
 * A cheap upper-bound-ish scan for absurd nesting: net open brackets, and leading indentation.
 * Quotes are ignored, so it only serves to refuse files that no scenario could ever be (the limit
 * given is far above the real one), before the slower exact measurement below.
 */
export function roughNesting(text: string, limit: number): DepthReport | null {
  let brackets = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart) {
      // Spaces and "- " sequence markers both open a level in block style.
      if (c === 32 || c === 45) {
        indent++;
        if (indent > limit * 2) return { depth: Math.floor(indent / 2), offset: i };
        continue;
      }
      atLineStart = false;
    }
    if (c === 91 || c === 123) {
      brackets++;
      if (brackets > limit) return { depth: brackets, offset: i };
    } else if ((c === 93 || c === 125) && brackets > 0) brackets--;
  }
  return null;
}

interface CstNode {
  type?: string;
  offset?: number;
  value?: unknown;
  items?: { key?: unknown; value?: unknown }[];
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Exact collection depth of YAML, from yaml's concrete syntax tree (the tokens of `Parser`, which
 * keeps its own stack instead of recursing); this walk keeps its own stack too. Returns the first
 * point deeper than `limit`, or null.
 */
export function cstNesting(tokens: readonly unknown[], limit: number): DepthReport | null {
  for (const token of tokens) {
    const stack: [CstNode | undefined, number][] = [[token as CstNode, 0]];
    while (stack.length > 0) {
      const [node, parentDepth] = stack.pop()!;
      if (!node || typeof node !== 'object') continue;
      const isCollection = node.type !== undefined && COLLECTIONS.has(node.type);
      const depth = parentDepth + (isCollection ? 1 : 0);
      if (depth > limit) return { depth, offset: node.offset ?? 0 };
      if (node.type === 'document') stack.push([node.value as CstNode, depth]);
      else if (isCollection && node.items) {
        for (const item of node.items) {
          stack.push([item.key as CstNode, depth]);
          stack.push([item.value as CstNode, depth]);
        }
      }
    }
  }
  return null;
}

/**
 * Whether a parsed value nests deeper than `limit` (objects and lists count one level each).
 * Stops at the limit, so a structure that contains itself (possible through YAML aliases) ends too.
 */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  // Shared subtrees (aliases) are walked once per use; cap the work so even those stay cheap.
  let budget = 5_000_000;
  while (stack.length > 0) {
    if (--budget < 0) return true;
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}
