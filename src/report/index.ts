/**
 * Renderers of a Result, chosen by the CLI's `--format`. Each is a pure function of the Result
 * (no clock, no environment), so the same run prints the same bytes: reports can be diffed and
 * kept in version control next to the scenario.
 */
import type { Result } from '../runner/result.js';
import { renderCsv, type CsvLayout } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import type { HtmlContext } from './html/page.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';

export { CSV_LAYOUTS, renderCsv, type CsvLayout } from './csv.js';
export { renderJson, toJson } from './json.js';
export { renderMarkdown } from './markdown.js';
export { renderTable, type TableOptions } from './table.js';
export type { HtmlContext } from './html/page.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

export interface RenderOptions {
  /** ANSI colour in the table format; ignored by the others, which are read by programs. */
  color?: boolean;
  /** Display columns for the table format; a wider comparison is split into several tables. */
  width?: number;
  /** The HTML report's header: version, date, the scenario's question and description. */
  html?: HtmlContext;
  /** The CSV layout (default tidy); ignored by the other formats. */
  csv?: CsvLayout;
}

/**
 * Any format, HTML included. The HTML renderer loads Plot and linkedom (a few hundred
 * milliseconds), so it is imported only when a report asks for it.
 */
export async function renderReport(result: Result, format: ReportFormat, options: RenderOptions = {}): Promise<string> {
  if (format === 'html') return (await import('./html/index.js')).renderHtml(result, options.html);
  return render(result, format, options);
}

export function render(result: Result, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'table':
      return renderTable(result, { color: options.color ?? false, width: options.width });
    case 'json':
      return renderJson(result);
    case 'csv':
      return renderCsv(result, options.csv);
    case 'markdown':
      return renderMarkdown(result);
    case 'html':
      throw new Error('the HTML report is rendered by renderReport (it loads its charting library on demand)');
    default:
      throw new Error(`unknown report format "${String(format)}"; expected one of ${REPORT_FORMATS.join(', ')}`);
  }
}
