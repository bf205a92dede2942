/**
 * The report formats `--format` accepts. On their own, without the renderers, so that the CLI can
 * declare its options without loading any of them (the command that runs loads what it needs).
 */
export const REPORT_FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The CSV layouts `--csv` accepts (report/csv.ts): one figure per row, or a column per figure. */
export const CSV_LAYOUTS = ['tidy', 'wide'] as const;
export type CsvLayout = (typeof CSV_LAYOUTS)[number];
