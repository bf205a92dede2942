/**
 * Escaping for text and attribute values written into the HTML report. Scenario, type, group and
 * variant names are typed by planners and may hold `<`, `&` or quotes; none of them may become
 * markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A number for a `data-` attribute: shortest round-trip form, so a test can compare it exactly. */
export function dataNumber(x: number): string {
  return Number.isFinite(x) ? String(x === 0 ? 0 : x) : '';
}
