/**
 * CSV as spreadsheets and queue-management systems export it (RFC 4180): fields separated by `,`,
 * `;` or tab (whichever the header line uses most, outside quotes), optionally quoted with `"`,
 * a quote inside a quoted field doubled, line breaks inside quoted fields kept; a BOM and CRLF
 * line ends accepted. Each record keeps the line number it starts on, because that is how a
 * planner finds a broken row in the export.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  separator: string;
  records: CsvRecord[];
  /** Set when a quoted field never ends: the line where it started. */
  unterminatedQuoteAt?: number;
}

const SEPARATORS = [',', ';', '\t'];

/** The separator the first line uses most often outside quotes (`,` when it uses none). */
export function detectSeparator(text: string): string {
  const counts = new Map(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/** Splits CSV text into records; blank lines are skipped. */
export function parseCsv(rawText: string): CsvTable {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const separator = detectSeparator(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quotedAt = 0;
  // A field that was quoted keeps its spaces; an unquoted one is trimmed (exports pad columns).
  let wasQuoted = false;
  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '' )) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      quotedAt = line;
      field = '';
    } else if (c === separator) {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) return { separator, records, unterminatedQuoteAt: quotedAt };
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return { separator, records };
}
