/**
 * Display width of text in a terminal, so that columns line up when cells hold `±`, `−`, `≤`,
 * names in CJK scripts or ANSI colour codes. `String.length` counts UTF-16 units, which is wrong
 * for all of these; the project has no runtime dependency for this, and a small table of wide
 * ranges is enough for the names planners type.
 */

/** ANSI SGR sequences (colours): zero width on screen. */
const ANSI = /\x1b\[[0-9;]*m/g;

/** Code-point ranges that terminals draw two columns wide (East Asian Wide/Fullwidth, emoji). */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Code points drawn with no width: combining marks, zero-width spaces and joiners, selectors. */
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f]/u;

function codePointWidth(cp: number, ch: string): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (ZERO.test(ch)) return 0;
  for (const [lo, hi] of WIDE) {
    if (cp < lo) break;
    if (cp <= hi) return 2;
  }
  return 1;
}

/** Columns `text` occupies in a terminal; ANSI colour codes count as nothing. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += codePointWidth(ch.codePointAt(0)!, ch);
  return width;
}

/** Pads `text` with spaces to `width` columns, on the right (align left) or on the left. */
export function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}
