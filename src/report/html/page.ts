/**
 * The HTML page around the charts and tables: one file with its styles inline and no script, no
 * font, image or link that would make a browser ask the network for anything, so it opens offline
 * and can be mailed to a manager as it is.
 */
import { escapeHtml } from './escape.js';

/** What the report says about its own making; none of it comes from the Result. */
export interface HtmlContext {
  /** frontdesk's version, printed in the header. */
  version?: string;
  /** When the report was written; leave it out for a page that is the same bytes on every run. */
  date?: Date;
  /** The scenario file's planning question and description, shown under the title. */
  question?: string;
  description?: string;
  /** The scenario file(s) the report was made from, as given on the command line. */
  files?: string[];
  /** A share of each period's arrivals to be served within the wait target (staffing), drawn as a target line. */
  serviceLevelTarget?: number;
}

export interface PageParts {
  title: string;
  /** Label and value pairs of the header's facts (seed, replications, …). */
  facts: Array<[string, string]>;
  context: HtmlContext;
  /** Sections in order, already HTML. */
  body: string[];
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --better: #1a7f37; --worse: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; }
header { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin-bottom: 20px; }
h1 { font-size: 1.6em; margin: 0 0 6px; }
h2 { font-size: 1.25em; margin: 28px 0 10px; }
h3 { font-size: 1.05em; margin: 0 0 4px; }
.question { font-size: 1.1em; margin: 6px 0; }
.description { color: var(--muted); margin: 6px 0 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; font-size: 0.92em; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
figure.chart, section.tables { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 0 0 20px; }
figcaption p, p.note { color: var(--muted); margin: 2px 0 10px; font-size: 0.92em; }
.plot svg { max-width: 100%; height: auto; }
.plot figure { margin: 0; }
details summary { cursor: pointer; color: var(--muted); font-size: 0.92em; margin-top: 6px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.88em; margin: 8px 0 14px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
th[scope="row"] { font-weight: normal; }
.num { text-align: right; }
.better { color: var(--better); font-weight: 600; }
.worse { color: var(--worse); font-weight: 600; }
footer { color: var(--muted); font-size: 0.85em; margin-top: 24px; }
@media print { body { background: white; } figure.chart, section.tables, header { break-inside: avoid; border: none; } details { display: none; } }
`;

export function renderPage(parts: PageParts): string {
  const { context } = parts;
  const facts: Array<[string, string]> = [...parts.facts];
  if (context.files && context.files.length > 0) facts.unshift([context.files.length > 1 ? 'Scenario files' : 'Scenario file', context.files.join(', ')]);
  if (context.date) facts.push(['Report written', formatDate(context.date)]);
  facts.push(['Made with', `frontdesk ${context.version ?? ''}`.trim()]);
  const question = context.question ? `<p class="question"><strong>Planning question:</strong> ${escapeHtml(context.question)}</p>` : '';
  const description = context.description ? `<p class="description">${escapeHtml(context.description)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="frontdesk${context.version ? ` ${escapeHtml(context.version)}` : ''}">
<title>${escapeHtml(parts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(parts.title)}</h1>
${question}
${description}
<dl class="facts">
${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n')}
</dl>
</header>
${parts.body.join('\n')}
<footer>Every figure is a mean over replications with its 95% confidence interval; a change marked significant is one whose paired 95% interval (common random numbers) excludes zero. Hover over a point or a cell of a chart for its numbers.</footer>
</main>
</body>
</html>
`;
}

/** `2026-12-01 05:30 UTC`: the same text wherever the report is opened. */
function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
