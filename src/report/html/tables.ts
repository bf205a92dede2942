/**
 * HTML tables: the report's blocks (the same as the terminal and Markdown show) and the numbers
 * behind each chart. A figure cell carries what it shows in `data-` attributes (variant, scope,
 * metric, mean and interval at full precision), so the browser test can check every number on the
 * page against the JSON result of the same run.
 */
import type { Summary } from '../../runner/result.js';
import { type Block, type Cell, type TableBlock } from '../document.js';
import { fixed, NO_VALUE } from '../format.js';
import { formatBare, type MetricKind } from '../metrics.js';
import { dataNumber, escapeHtml } from './escape.js';

/** Where a figure lives in the Result: `overall`, `type:<name>`, `period:<index>` or `comparison`. */
export interface FigureRef {
  variant: string;
  scope: string;
  metric: string;
}

/** `points`: a change of a share, in percentage points. */
export type FigureKind = MetricKind | 'points';

export interface FigureCell extends FigureRef {
  summary: Summary | undefined;
  kind: FigureKind;
  /** Minutes after midnight of opening, for a `clock` figure (printed as `HH:MM`). */
  openClock?: number;
}

export type HtmlCell = string | FigureCell;

export interface HtmlTable {
  caption?: string;
  headers: string[];
  rows: HtmlCell[][];
}

/** A summary's 95% interval; NaN ends where there is none (fewer than two replications). */
export function interval(s: Summary): [number, number] {
  return s.ci95 ?? [NaN, NaN];
}

/** A figure as `7.1 (6.6–7.6)`: the mean and its 95% interval, in the figure's own unit. */
export function figureText(s: Summary | undefined, kind: FigureKind, openClock = 0): string {
  if (!s || !Number.isFinite(s.mean)) return NO_VALUE;
  const bare = (x: number) => (kind === 'points' ? fixed(x * 100, 1) : formatBare(x, kind, openClock).replace('%', ''));
  const mean = kind === 'points' ? `${bare(s.mean)} pts` : formatBare(s.mean, kind, openClock);
  const [lo, hi] = interval(s);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return mean;
  return `${mean} (${bare(lo)} to ${bare(hi)})`;
}

function figureTd(cell: FigureCell): string {
  const s = cell.summary;
  // An alternative without the figure at all (a counter group it does not have): no figure cell.
  if (s === undefined) return `<td class="num">${NO_VALUE}</td>`;
  const attrs = [
    `data-variant="${escapeHtml(cell.variant)}"`,
    `data-scope="${escapeHtml(cell.scope)}"`,
    `data-metric="${escapeHtml(cell.metric)}"`,
    `data-kind="${cell.kind}"`,
    ...(cell.openClock !== undefined ? [`data-open="${dataNumber(cell.openClock)}"`] : []),
    `data-mean="${s ? dataNumber(s.mean) : ''}"`,
    `data-lo="${s ? dataNumber(interval(s)[0]) : ''}"`,
    `data-hi="${s ? dataNumber(interval(s)[1]) : ''}"`,
  ];
  return `<td class="num figure" ${attrs.join(' ')}>${escapeHtml(figureText(s, cell.kind, cell.openClock))}</td>`;
}

export function renderHtmlTable(table: HtmlTable): string {
  const head = table.headers.map((h, i) => `<th${i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((c) => (typeof c === 'string' ? `<th scope="row">${escapeHtml(c)}</th>` : figureTd(c))).join('')}</tr>`)
    .join('\n');
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '';
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The report's blocks (see report.ts) as HTML: what the terminal prints, as a manager reads it. */
export function renderBlocks(blocks: Block[]): string {
  return blocks.map(renderBlock).join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'text': {
      const title = block.title ? `<h3>${escapeHtml(block.title)}</h3>` : '';
      const body = block.list
        ? `<ul>${block.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
        : block.lines.map((l) => `<p class="note">${escapeHtml(l)}</p>`).join('');
      return `<section class="text">${title}${body}</section>`;
    }
    case 'table':
      return blockTable(block);
  }
}

function blockTable(block: TableBlock): string {
  const align = (i: number) => (block.columns[i]?.align === 'right' ? ' class="num"' : '');
  const head = block.headerless ? '' : `<thead><tr>${block.columns.map((c, i) => `<th${align(i)}>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`;
  const rows = block.rows.map(
    (r) => `<tr>${block.columns.map((_, i) => (i === 0 ? `<th scope="row">${cellHtml(r[i])}</th>` : `<td${align(i)}>${cellHtml(r[i])}</td>`)).join('')}</tr>`,
  );
  const caption = block.title ? `<caption>${escapeHtml(block.title)}</caption>` : '';
  return `<div class="scroll"><table class="report">${caption}${head}<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** A segmented cell with its tone (a significant improvement or deterioration) as a class. */
function cellHtml(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return escapeHtml(cell);
  let out = '';
  for (const s of cell) {
    if (s.text === '') continue;
    const text = escapeHtml(s.text);
    out += (out === '' || s.glue ? '' : ' ') + (s.tone ? `<span class="${s.tone}">${text}</span>` : text);
  }
  return out;
}

