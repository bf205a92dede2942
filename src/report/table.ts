/**
 * The terminal report: what a planner reads after `frontdesk run` or `frontdesk compare`.
 * Columns are aligned by display width (see width.ts), not by string length, so `±`, `−`, `≤`
 * and names in any script keep the columns straight. Colour is off unless asked for, because the
 * output is as often piped into a file or a ticket as it is read in a terminal.
 */
import type { Result } from '../runner/result.js';
import type { Block, Cell, Segment, TableBlock, Tone } from './document.js';
import { buildReport } from './report.js';
import { displayWidth, pad } from './width.js';

export interface TableOptions {
  /** ANSI colours: green for a significant improvement, red for a significant deterioration. */
  color?: boolean;
  /**
   * Display columns available (the terminal's width). A comparison too wide for it is split into
   * tables of fewer variants, each repeating the baseline; a run's tables are never split.
   */
  width?: number;
}

/** Two spaces between columns: one is easily read as a space inside a cell. */
const GAP = '  ';
const RULE = '\u2500';
const ANSI: Record<Tone, string> = { better: '\x1b[32m', worse: '\x1b[31m' };
const ANSI_RESET = '\x1b[39m';

export function renderTable(result: Result, options: TableOptions = {}): string {
  const color = options.color ?? false;
  const width = options.width ?? Infinity;
  let perPanel = Math.max(1, result.variants.length - 1);
  let blocks = buildReport(result, perPanel);
  while (perPanel > 1 && widestTable(blocks) > width) blocks = buildReport(result, --perPanel);
  return blocks.map((b) => renderBlock(b, color)).join('\n\n') + '\n';
}

/** Blocks built elsewhere (the staffing report) laid out the same way. */
export function renderTableBlocks(blocks: Block[], color = false): string {
  return blocks.map((b) => renderBlock(b, color)).join('\n\n') + '\n';
}

function widestTable(blocks: Block[]): number {
  let widest = 0;
  for (const b of blocks) {
    if (b.kind === 'table') widest = Math.max(widest, ...layoutTable(b, false).map(displayWidth));
  }
  return widest;
}

function renderBlock(block: Block, color: boolean): string {
  switch (block.kind) {
    case 'title':
      return `${block.text}\n${'='.repeat(displayWidth(block.text))}`;
    case 'text': {
      const lines = block.list ? block.lines.map((l) => `- ${l}`) : block.lines;
      return (block.title ? [block.title, ...lines] : lines).join('\n');
    }
    case 'table': {
      const lines = layoutTable(block, color);
      return (block.title ? [block.title, ...lines] : lines).join('\n');
    }
  }
}

/**
 * The lines of a table, every one of the same display width. Segmented cells are first laid out
 * within their column (each segment padded to the widest of its kind), then every cell is padded
 * to its column's width.
 */
export function layoutTable(block: TableBlock, color: boolean): string[] {
  const n = block.columns.length;
  const slots = Array.from({ length: n }, (_, c) => segmentSlots(block.rows.map((r) => r[c])));
  const texts = block.rows.map((row) =>
    block.columns.map((_, c) => composite(row[c] ?? '', slots[c], color)),
  );
  const widths = block.columns.map((col, c) =>
    Math.max(block.headerless ? 0 : displayWidth(col.header), ...texts.map((t) => displayWidth(t[c]))),
  );
  const line = (cells: string[]) => cells.map((t, c) => pad(t, widths[c], block.columns[c].align)).join(GAP);
  const body = texts.map(line);
  if (block.headerless) return body;
  const header = line(block.columns.map((col) => col.header));
  return [header, RULE.repeat(displayWidth(header)), ...body];
}

/** Per segment position in one column: the widest text, and whether it is glued to the previous. */
interface Slot {
  width: number;
  glue: boolean;
}

function segmentSlots(cells: Array<Cell | undefined>): Slot[] {
  const slots: Slot[] = [];
  for (const cell of cells) {
    if (cell === undefined || typeof cell === 'string') continue;
    cell.forEach((s, i) => {
      const slot = (slots[i] ??= { width: 0, glue: false });
      slot.width = Math.max(slot.width, displayWidth(s.text));
      slot.glue ||= s.glue === true;
    });
  }
  return slots;
}

/** A segmented cell laid out on its column's slots, so every such cell has the same width. */
function composite(cell: Cell, slots: Slot[], color: boolean): string {
  if (typeof cell === 'string') return cell;
  let out = '';
  slots.forEach((slot, i) => {
    if (slot.width === 0) return;
    const s: Segment = cell[i] ?? { text: '', align: 'left' };
    const fill = ' '.repeat(slot.width - displayWidth(s.text));
    const text = color && s.tone && s.text ? `${ANSI[s.tone]}${s.text}${ANSI_RESET}` : s.text;
    out += (out === '' || slot.glue ? '' : ' ') + (s.align === 'left' ? text + fill : fill + text);
  });
  return out;
}
