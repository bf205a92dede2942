/**
 * The report as GitHub-flavoured Markdown, for pull requests, wikis and tickets: the same blocks
 * as the terminal table (see report.ts), with tables as pipe tables. Cells are not padded:
 * Markdown viewers align them, and padding would only make diffs of saved reports noisier.
 */
import type { Result } from '../runner/result.js';
import { cellText, type Block, type TableBlock } from './document.js';
import { buildReport } from './report.js';

export function renderMarkdown(result: Result): string {
  return buildReport(result).map(renderBlock).join('\n\n') + '\n';
}

/** Blocks built elsewhere (the staffing report) as Markdown. */
export function renderMarkdownBlocks(blocks: Block[]): string {
  return blocks.map(renderBlock).join('\n\n') + '\n';
}

/**
 * Backslash-escapes the characters that would end a cell (`|`) or start emphasis, code or HTML,
 * so names such as `walk_in` or `A|B` print as typed and the `*` of significance stays a `*`.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_|<>[\]#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `# ${escapeMarkdown(block.text)}`;
    case 'text': {
      const body = block.list
        ? block.lines.map((l) => `- ${escapeMarkdown(l)}`).join('\n')
        : block.lines.map(escapeMarkdown).join('\n\n');
      return block.title ? `## ${escapeMarkdown(block.title)}\n\n${body}` : body;
    }
    case 'table': {
      const table = renderTableBlock(block);
      return block.title ? `## ${escapeMarkdown(block.title)}\n\n${table}` : table;
    }
  }
}

function renderTableBlock(block: TableBlock): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(block.columns.map((c) => escapeMarkdown(c.header))),
    row(block.columns.map((c) => (c.align === 'right' ? '---:' : ':---'))),
    ...block.rows.map((r) => row(block.columns.map((_, i) => escapeMarkdown(cellText(r[i] ?? ''))))),
  ].join('\n');
}
