/**
 * The fitted scenario as a file a planner reads and edits: plain YAML in the contract's keys, with
 * comments saying where each figure comes from, how many tickets or days are behind it, its
 * standard error, and for each law the alternatives it beat (AIC) and its goodness of fit (KS).
 */
import { basename } from 'node:path';
import type { DistributionSpec } from '../core/distributions.js';
import { formatClock } from '../scenario/time.js';
import type { FittedLog, FittedType } from './fit-log.js';
import type { PatienceFit } from './patience.js';
import type { LawFit, ServiceFit } from './service-laws.js';
import { formatDate } from './timestamps.js';

/** Four significant digits: more than the data can carry, few enough to read. */
export function round(x: number): number {
  return Number(x.toPrecision(4));
}

const grouped = (n: number) => n.toLocaleString('en').replace(/,/g, ' ');
const q = (text: string) => JSON.stringify(text);

function specText(spec: DistributionSpec): string {
  const entries = Object.entries(spec).map(([k, v]) => `${k}: ${typeof v === 'number' ? round(v) : v}`);
  return `{ ${entries.join(', ')} }`;
}

function parametersText(law: { parameters: Record<string, number>; standardErrors: Record<string, number> }): string {
  return Object.entries(law.parameters)
    .map(([k, v]) => {
      const se = law.standardErrors[k];
      return `${k} ${round(v)}${Number.isFinite(se) ? ` ± ${Number(se.toPrecision(2))}` : ''}`;
    })
    .join(', ');
}

function serviceLines(fit: ServiceFit, indent: string, source: string): string[] {
  const best = fit.best.aic;
  const row = (law: LawFit) =>
    `${indent}#   ${law.family.padEnd(11)} ${parametersText(law).padEnd(40)} ` +
    `${law === fit.best ? `AIC ${round(law.aic)}` : `AIC +${round(law.aic - best)}`}`.padEnd(14) +
    `  KS ${law.ks.toFixed(3)}${law === fit.best ? '   <- chosen' : ''}`;
  return [
    `${indent}# service: ${source}${grouped(fit.n)} services, mean ${round(fit.sampleMean)} min, cv ${round(fit.sampleCv)}.`,
    `${indent}# Maximum likelihood per law, least AIC chosen; KS = largest gap between fitted and observed distribution:`,
    ...fit.fits.map(row),
  ];
}

function patienceLines(fit: PatienceFit, t: FittedType | null, indent: string): string[] {
  const best = fit.best.aic;
  const lines = t
    ? [
        `${indent}# patience: ${grouped(t.leavers)} left unserved${t.leaversUnbounded > 0 ? ` (${t.leaversUnbounded} after the day's last call or idle counter: no bound, left out)` : ''}, ${grouped(t.served)} served.`,
      ]
    : [];
  return [
    ...lines,
    `${indent}# Censored maximum likelihood: a served customer's patience was longer than its wait; a leaver's was`,
    `${indent}# shorter than the wait it would have had (until a counter called a later ticket, or fell idle).`,
    ...fit.fits.map(
      (law) =>
        `${indent}#   ${law.family.padEnd(11)} ${parametersText(law).padEnd(40)} ` +
        `${law === fit.best ? `AIC ${round(law.aic)}` : `AIC +${round(law.aic - best)}`}${law === fit.best ? '   <- chosen' : ''}`,
    ),
    `${indent}#   (biased shortcuts, for comparison: leavers counted at their would-be wait: mean ${round(fit.naive.leaversAtWouldBeWait)};`,
    `${indent}#    their time left out: mean ${round(fit.naive.leaversTimeLeftOut)})`,
  ];
}

/** Consecutive periods with the same count as one step of the shift plan. */
function shiftPlan(fitted: FittedLog): Array<{ at: string; count: number; from: number }> {
  const plan: Array<{ at: string; count: number; from: number }> = [];
  fitted.periods.forEach((p) => {
    // A period with tickets but no counter seen would leave its customers waiting for ever.
    const count = p.tickets > 0 ? Math.max(1, p.counters) : p.counters;
    if (plan.length === 0 || plan[plan.length - 1].count !== count) {
      plan.push({ at: formatClock(fitted.openClock + p.start), count, from: p.counters });
    }
  });
  return plan;
}

export function scenarioText(fitted: FittedLog, options: { waitTarget?: number; name?: string } = {}): string {
  const { log } = fitted;
  const file = basename(log.file);
  const dated = log.days[0] !== null;
  const span = dated ? ` (${formatDate(log.days[0]!)} to ${formatDate(log.days[log.days.length - 1]!)})` : ' (no dates: one day)';
  const close = formatClock(fitted.openClock + fitted.horizon);
  const out: string[] = [
    `# Fitted by \`frontdesk fit\` from ${file}: ${grouped(fitted.tickets)} tickets over ${fitted.days} day${fitted.days === 1 ? '' : 's'}${span}.`,
    '# Every figure below is an estimate from that log (± one standard error); edit freely.',
    `# Check it against the log: frontdesk fit ${file} --check`,
    `name: ${q(options.name ?? `Fitted from ${file}`)}`,
    `open: ${q(formatClock(fitted.openClock))}`,
    `horizon: ${fitted.horizon}              # minutes: ${formatClock(fitted.openClock)} to ${close}, the periods in which tickets were issued`,
    `period: ${fitted.period}`,
    'replications: 30',
    'seed: 1',
    `waitTarget: ${options.waitTarget ?? 10}             # not in the log: your service-level target, minutes`,
    '',
    'arrivals:',
    `  # Tickets per hour, averaged over the ${fitted.days} day${fitted.days === 1 ? '' : 's'} of the log (± standard error of that average).`,
    '  profile:',
    ...fitted.periods.map((p) => {
      const entry = `    - { at: ${q(formatClock(fitted.openClock + p.start))}, perHour: ${round(p.perHour)} }`;
      return `${entry.padEnd(44)}# ${grouped(p.tickets)} tickets, ± ${Number(p.perHourSE.toPrecision(2))}`;
    }),
    '',
    'types:',
  ];
  for (const t of fitted.types) {
    const renamed = t.name !== t.logName || !log.has.type ? `   # ${log.has.type ? `${q(t.logName)} in the log` : 'the log has no type column'}` : '';
    out.push(`  ${t.name}:${renamed}`);
    out.push(`    share: ${round(t.share)}`.padEnd(24) + `# ${grouped(t.tickets)} of ${grouped(fitted.tickets)} tickets (± ${Number(t.shareSE.toPrecision(2))})`);
    const service = t.service ?? fitted.pooledService!;
    const source = t.service ? '' : 'none of this type completed in the log; all types together: ';
    if (t.zeroServices > 0) out.push(`    # ${t.zeroServices} service${t.zeroServices === 1 ? '' : 's'} shorter than the log's clock tick, counted as half a tick.`);
    out.push(...serviceLines(service, '    ', source));
    out.push(`    service: ${specText(service.best.spec)}`);
    if (t.patience) {
      out.push(...patienceLines(t.patience, t, '    '));
      out.push(`    patience: ${specText(t.patience.best.spec)}`);
    } else if (fitted.pooledPatience && t.leavers > 0) {
      out.push(`    # patience: ${t.leavers} left unserved, fewer than ${fitted.minLeavers}: the law of all types together (see below).`);
      out.push(`    patience: ${specText(fitted.pooledPatience.best.spec)}`);
    } else if (fitted.pooledPatience) {
      out.push(`    # patience: nobody of this type left unserved; the law of all types together (see below).`);
      out.push(`    patience: ${specText(fitted.pooledPatience.best.spec)}`);
    } else {
      out.push('    # patience: nobody left unserved in the log (or no served customer waited): none.');
    }
  }
  if (fitted.pooledPatience && fitted.types.some((t) => !t.patience)) {
    out.push('  # Patience of all types together:');
    out.push(...patienceLines(fitted.pooledPatience, null, '  '));
  }
  const plan = shiftPlan(fitted);
  const how =
    fitted.countersFrom === 'counter column'
      ? `${log.counters.length} counters named in the log, each counted in a period where it called a ticket`
      : 'no counter column: the most services under way at once in each period';
  out.push(
    '',
    'counters:',
    `  # One group with one line (take-a-number) serving every type. Counters at work per period:`,
    `  # ${how}; the median over the days.`,
    '  # Split it into groups with skills of their own if your hall has them.',
    '  counters:',
    `    serves: [${fitted.types.map((t) => t.name).join(', ')}]`,
    '    staff:',
    ...plan.map((s) => `      - { at: ${q(s.at)}, count: ${s.count} }${s.count !== s.from ? `   # none seen at work: at least one while tickets are issued` : ''}`),
    '',
  );
  return out.join('\n');
}
