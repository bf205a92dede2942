/** Test helpers: split a terminal report into blocks, parse CSV and Markdown tables back. */
import { displayWidth } from '../../src/report/width.js';

/** Blocks of a terminal report (separated by blank lines), each as its lines. */
export function blocks(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n\n')
    .map((b) => b.split('\n'));
}

/** The block whose first line (its title) starts with `title`. */
export function block(text: string, title: string): string[] {
  const found = blocks(text).find((b) => b[0].startsWith(title));
  if (!found) throw new Error(`no block titled "${title}" in:\n${text}`);
  return found;
}

/** Display widths of the lines of a table block, title excluded. */
export function widths(lines: string[]): number[] {
  return lines.slice(1).map(displayWidth);
}

/** A minimal RFC 4180 parser: quoted fields, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Pipe tables of a Markdown document, each as its rows of cells (escaped pipes kept in cells). */
export function markdownTables(text: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      (current ??= []).push(cells);
    } else if (current) {
      tables.push(current);
      current = null;
    }
  }
  if (current) tables.push(current);
  return tables;
}
