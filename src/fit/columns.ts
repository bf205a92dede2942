/**
 * Which column of a ticket log holds what. Exports name their columns in many ways ("Arrival",
 * "Ticket time", "Call time", "Desk"...), so each role has aliases, compared without regard to
 * case, spaces, `_`, `-` or `.`; `--columns issued=Arrival,called=Call time` names them outright.
 */

export const ROLES = ['issued', 'date', 'type', 'called', 'finished', 'counter'] as const;
export type Role = (typeof ROLES)[number];

const ALIASES: Record<Role, string[]> = {
  issued: ['issued', 'issue time', 'issued at', 'ticket time', 'ticket issued', 'arrival', 'arrival time', 'arrived', 'created', 'drawn', 'print time', 'printed', 'time', 'check in', 'checkin'],
  date: ['date', 'day', 'service date', 'ticket date'],
  type: ['type', 'service', 'service type', 'category', 'queue', 'task', 'reason', 'customer type', 'request', 'topic'],
  called: ['called', 'call time', 'call', 'called at', 'start', 'start time', 'service start', 'served at', 'begin'],
  finished: ['finished', 'finish', 'finished at', 'end', 'end time', 'service end', 'ended', 'done', 'completed', 'closed'],
  counter: ['counter', 'desk', 'window', 'station', 'position', 'teller', 'agent', 'clerk', 'workstation', 'counter number', 'desk number'],
};

/** "Call_Time " -> "calltime": the form names are compared in. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_.\-]+/g, '');
}

const ALIAS_INDEX = new Map<string, Role>();
for (const role of ROLES) for (const alias of ALIASES[role]) ALIAS_INDEX.set(normalizeName(alias), role);

export function aliasesOf(role: Role): readonly string[] {
  return ALIASES[role];
}

/** `--columns issued=Arrival,called=Call time` as role -> header name. Throws a message on a bad entry. */
export function parseColumnMap(text: string): Partial<Record<Role, string>> {
  const map: Partial<Record<Role, string>> = {};
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const eq = entry.indexOf('=');
    const role = (eq < 0 ? entry : entry.slice(0, eq)).trim().toLowerCase();
    const header = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`found "${entry.trim()}"; expected ROLE=Header with ROLE one of ${ROLES.join(', ')}`);
    }
    if (header === '') throw new Error(`found "${entry.trim()}"; expected ${role}=<the header of that column in the log>`);
    if (map[role as Role] !== undefined) throw new Error(`found ${role} twice; expected each column once`);
    map[role as Role] = header;
  }
  return map;
}

export type ColumnIndex = Partial<Record<Role, number>>;

/**
 * The column of each role in `header`: mapped ones by their header, the rest by alias. Returns
 * the problems (no issued column, a mapped header absent, two columns for one role) as messages.
 */
export function matchColumns(header: readonly string[], mapped: Partial<Record<Role, string>>): { index: ColumnIndex; problems: string[] } {
  const index: ColumnIndex = {};
  const problems: string[] = [];
  const names = header.map(normalizeName);
  const taken = new Set<number>();
  for (const role of ROLES) {
    const wanted = mapped[role];
    if (wanted === undefined) continue;
    const at = names.indexOf(normalizeName(wanted));
    if (at < 0) problems.push(`found no column "${wanted}" (--columns ${role}=${wanted}); expected one of the header's columns: ${header.join(', ')}`);
    else {
      index[role] = at;
      taken.add(at);
    }
  }
  names.forEach((name, i) => {
    const role = ALIAS_INDEX.get(name);
    if (role === undefined || taken.has(i) || mapped[role] !== undefined) return;
    if (index[role] !== undefined) {
      problems.push(`found two columns for ${role}: "${header[index[role]!]}" and "${header[i]}"; expected one (choose with --columns ${role}=NAME)`);
    } else index[role] = i;
  });
  if (index.issued === undefined && !problems.some((p) => p.includes('issued'))) {
    problems.push(
      `found the columns ${header.map((h) => JSON.stringify(h)).join(', ')}; expected a column with the time each ticket was issued ` +
        `(named ${ALIASES.issued.slice(0, 6).join(', ')}..., or mapped with --columns issued=NAME)`,
    );
  }
  return { index, problems };
}
