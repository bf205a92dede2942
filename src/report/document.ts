/**
 * A report as a list of blocks (titles, lines of text, tables) that says nothing about layout.
 * The terminal table and the Markdown renderer both draw the same blocks, so the two formats
 * cannot drift apart in content: what a planner reads in the terminal is what they paste into a
 * pull request or a wiki.
 */

/** Colouring hint for a change: an improvement or a deterioration (only used with colour on). */
export type Tone = 'better' | 'worse';

/**
 * Part of a cell. A column of segmented cells is laid out segment by segment, so that in
 * `7.1 ±0.5 (−43%) *` the values, the half-widths and the changes each line up under each other.
 */
export interface Segment {
  text: string;
  align: 'left' | 'right';
  tone?: Tone;
  /** Joined to the previous segment without a space: a unit after its number (`12.5` `%`). */
  glue?: boolean;
}

export type Cell = string | readonly Segment[];

export interface Column {
  header: string;
  align: 'left' | 'right';
}

export interface TableBlock {
  kind: 'table';
  title?: string;
  columns: Column[];
  rows: Cell[][];
  /** The terminal omits the header row (a list of labelled figures); Markdown always needs one. */
  headerless?: boolean;
}

export interface TextBlock {
  kind: 'text';
  title?: string;
  lines: string[];
  /** Render as a bulleted list (warnings). */
  list?: boolean;
}

export interface TitleBlock {
  kind: 'title';
  text: string;
}

export type Block = TitleBlock | TextBlock | TableBlock;

/** A cell as one string, segments joined by a space: what Markdown shows. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  let out = '';
  for (const s of cell) {
    if (s.text === '') continue;
    out += (out === '' || s.glue ? '' : ' ') + s.text;
  }
  return out;
}
