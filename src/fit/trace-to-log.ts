/**
 * A simulated visit trace (`frontdesk run --trace`, see runner/visit-trace.ts) written as a
 * ticket-machine export: what a real hall's system would have logged of the same customers. A
 * customer who left unserved has no call time (the system never saw it go); each replication
 * becomes one day. Used by the round-trip test, the benchmark and the bundled example log, so that
 * `frontdesk fit` can be checked against a hall whose true laws are known.
 */
import { formatClock } from '../scenario/time.js';
import { parseCsv } from './csv.js';
import { formatDate, parseDate } from './timestamps.js';

export interface TicketLogStyle {
  /** Minutes after midnight of opening. */
  openClock: number;
  /** First day, YYYY-MM-DD; replication r is that day + r (weekends included: a simulated day is a day). */
  firstDay: string;
  /** Header names in order of the roles issued, type, called, finished, counter (and date first, when `dateColumn`). */
  header?: { date?: string; issued: string; type: string; called: string; finished: string; counter: string };
  separator?: string;
  /** A date column instead of dates inside the timestamps. */
  dateColumn?: boolean;
  crlf?: boolean;
  /** A byte-order mark first, as spreadsheet exports write. */
  bom?: boolean;
  /** The log's names of the scenario's types ("Passport & ID" for passport_id); default the type names. */
  typeLabels?: Record<string, string>;
  /** The log's name of a counter: `Desk` turns the trace's `desks#3` into `Desk 3`; default the trace's name. */
  counterLabel?: string;
}

function clock(minutesAfterMidnight: number): string {
  const seconds = Math.round(minutesAfterMidnight * 60);
  return `${formatClock(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
}

function counterName(server: string, label: string | undefined): string {
  const number = /#(\d+)$/.exec(server);
  return label !== undefined && number ? `${label} ${number[1]}` : server;
}

function quoted(text: string, separator: string): string {
  return text.includes(separator) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The trace CSV text as a ticket log CSV text (times to the second). */
export function traceToTicketLog(traceText: string, style: TicketLogStyle): string {
  const { records } = parseCsv(traceText);
  const [header, ...rows] = records;
  const col = (name: string) => {
    const i = header.fields.indexOf(name);
    if (i < 0) throw new Error(`trace: no column ${name}`);
    return i;
  };
  const [rep, type, arrival, services, outcome] = ['replication', 'type', 'arrival', 'services', 'outcome'].map(col);
  const sep = style.separator ?? ',';
  const h = style.header ?? { date: 'date', issued: 'issued', type: 'type', called: 'called', finished: 'finished', counter: 'counter' };
  const first = parseDate(style.firstDay);
  if (first === null) throw new Error(`not a date: ${style.firstDay}`);
  const names = [...(style.dateColumn ? [h.date ?? 'date'] : []), h.issued, h.type, h.called, h.finished, h.counter];
  const lines = [names.map((n) => quoted(n, sep)).join(sep)];
  for (const { fields } of records.length > 0 ? rows : []) {
    const date = formatDate(first + Number(fields[rep]));
    const at = (minutes: number) => {
      const text = clock(style.openClock + minutes);
      return style.dateColumn ? text : `${date} ${text}`;
    };
    // `counter#n@start-end;...`: called at the first start, finished at the last end.
    const parts = fields[services] === '' ? [] : fields[services].split(';').map((s) => /^(.*)@([^@-]+)-([^@-]+)$/.exec(s)!);
    const served = fields[outcome] === 'served' && parts.length > 0;
    lines.push(
      [
        ...(style.dateColumn ? [date] : []),
        at(Number(fields[arrival])),
        quoted(style.typeLabels?.[fields[type]] ?? fields[type], sep),
        served ? at(Number(parts[0][2])) : '',
        served ? at(Number(parts[parts.length - 1][3])) : '',
        served ? quoted(counterName(parts[0][1], style.counterLabel), sep) : '',
      ].join(sep),
    );
  }
  const end = style.crlf ? '\r\n' : '\n';
  return (style.bom ? '\uFEFF' : '') + lines.join(end) + end;
}
