/**
 * Names come from the planner's file, and a name may hold ESC, BEL or a line break: printed raw,
 * they recolour or clear the terminal, ring its bell, or break a table's lines. Every report but
 * JSON (whose strings escape them already) and every warning shows them as visible escapes.
 */

// C0 controls, DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with each control character as a visible escape: `\n`, `\t`, `\x1b`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** A copy of `value` with every string and every object key made printable. */
export function printableData<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((v) => printableData(v)) as T;
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[printable(key)] = printableData(v);
    return out as T;
  }
  return value;
}
